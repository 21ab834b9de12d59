/*
 * The WhatsApp scanner's core, in plain C (no Python): see whatsapp_scanner.c for what it does and
 * _whatsapp_scan.c for the Python module around it.
 */
#ifndef ANEW_WHATSAPP_SCANNER_H
#define ANEW_WHATSAPP_SCANNER_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t *data;
    size_t len;
    size_t cap;
} U32Vec;

typedef struct {
    const unsigned char *ptr;
    size_t len;
    uint64_t hash;
} Entry;

typedef struct {
    Entry *entries;
    size_t count;
    size_t entry_cap;
    uint32_t *slots; /* id + 1, or 0 for an empty slot */
    size_t slot_count;  /* a power of two, at least twice the entries */
} Interner;

#define MAX_KIND_WORDS 4096
#define GRAM_SLOTS 65536 /* a hashed first four bytes takes 16 bits */

/* The words of the language tables (whatsapp_matchers.KIND_WORDS), found in one pass: a bit per
 * hashed first four bytes of the longer words (8 KB, so it stays in the fastest cache), and the
 * words behind each bit chained for the closer look; two- and three-byte words by their first
 * two bytes, one-byte words by memchr. */
typedef struct {
    const unsigned char *words[MAX_KIND_WORDS];
    uint32_t lengths[MAX_KIND_WORDS];
    uint32_t next[MAX_KIND_WORDS]; /* the next word in the same gram slot, + 1; 0 ends it */
    size_t count;
    uint8_t grams[GRAM_SLOTS / 8];
    uint32_t heads[GRAM_SLOTS]; /* the first word in each gram slot, + 1 */
    uint8_t pairs[8192];        /* a bit per first two bytes of the two- and three-byte words */
    uint32_t shorts[MAX_KIND_WORDS];
    size_t short_count;
    unsigned char singles[256];
    size_t single_count;
} KindWords;

typedef struct {
    uint32_t chars;
    uint32_t words;
} Measure;

#define MAX_HEADER_WORDS 64

/* Words of one kind; a space in a word matches any of whatsapp_header.SPACES. */
typedef struct {
    const unsigned char *words[MAX_HEADER_WORDS];
    size_t lengths[MAX_HEADER_WORDS];
    size_t count;
    uint8_t first_bytes[32]; /* a bit per byte a word starts with: most lines need no look */
} WordList;

/* A header's locale words (whatsapp_header.HeaderWords): between the date and the time, and
 * the AM/PM spellings besides the built-in ones. */
typedef struct {
    WordList between;
    WordList periods;
} HeaderWords;

typedef struct {
    size_t date_end; /* the date (with any mark and bracket before it) ends here */
    size_t end;      /* where "] " or "- " closes the date and time */
} Header;

typedef struct {
    U32Vec date_id, time_id, sender_id, chars, words; /* a row per message with a sender */
    /* Header lines that need a look (rows whose line may be media, deleted or a notice, and every
     * line without a sender, with row UINT32_MAX): their row, line number, where the text after
     * the header starts and how long it is, and SUSPECT_IOS for the bracketed layout. */
    U32Vec suspect_row, suspect_line, suspect_start, suspect_length, suspect_flags;
    U32Vec unplaced; /* numbers of the lines with text before the first header */
    /* With keep_texts, where each row's text lies in the bytes: from its body (after any LRM
     * marks, which the general road strips) to the end of its last line with text. */
    int keep_texts;
    U32Vec text_start, text_end;
    Interner dates, times, senders;
    uint32_t recent_dates[2], recent_times[2], recent_senders[2]; /* see intern_recent */
} Scan;

enum { TAKEN = 0, NOT_TAKEN = 1, NO_MEMORY = 2 };
enum { SUSPECT_IOS = 1 };

/* Fills the byte tables; once, before any scan. */
void scanner_setup(void);
/* Adds one word (at most MAX_KIND_WORDS in all; the bytes must outlive the scans); the kinds
 * start zeroed. */
void kind_words_add(KindWords *kinds, const unsigned char *word, size_t len);
/* Whether any of the words is in [s, s + n). */
int holds_kind_word(const KindWords *kinds, const unsigned char *s, size_t n);
void scan_init(Scan *scan);
/* TAKEN, NOT_TAKEN (the general road must read these bytes) or NO_MEMORY. */
int run_scan(Scan *scan, const KindWords *kinds, const HeaderWords *words,
             const unsigned char *data, size_t n);
void scan_free(Scan *scan);

/* Every row's text, end to end in one buffer (CR LF read as LF, as the general road reads it),
 * and where each starts: `count` + 1 offsets, 32-bit unless `large`. */
typedef struct {
    unsigned char *bytes;
    void *offsets;
    size_t count;
    int large;
} Texts;

/* The texts of a scan made with keep_texts; 0, or NO_MEMORY. */
int scan_texts(const Scan *scan, const unsigned char *data, Texts *texts);
/* 1 when the line [s, e) starts with whatsapp_header.header(words), with where its date and
 * header end. */
int match_header(const unsigned char *s, const unsigned char *e, const HeaderWords *words,
                 Header *header);
/* Adds one word to a list (at most MAX_HEADER_WORDS; the bytes must outlive the scans). */
int word_list_add(WordList *list, const unsigned char *word, size_t len);
/* Characters and \S+ words of well-formed UTF-8 text. */
Measure measure(const unsigned char *s, size_t n);

#endif
