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

#define MAX_KIND_WORDS 64

typedef struct {
    const unsigned char *words[MAX_KIND_WORDS];
    size_t lengths[MAX_KIND_WORDS];
    size_t count;
    uint8_t grams[512];   /* a bit per hashed first four bytes of the longer words */
    uint8_t pairs[8192];  /* a bit per first two bytes of the two- and three-byte words */
    unsigned char singles[MAX_KIND_WORDS]; /* one-byte words */
    size_t single_count;
    int has_pairs;
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
    U32Vec suspect_row, suspect_start, suspect_length; /* rows whose first line needs a look */
    Interner dates, times, senders;
    uint32_t recent_dates[2], recent_times[2], recent_senders[2]; /* see intern_recent */
} Scan;

enum { TAKEN = 0, NOT_TAKEN = 1, NO_MEMORY = 2 };

/* Fills the byte tables; once, before any scan. */
void scanner_setup(void);
/* Adds one word (at most MAX_KIND_WORDS in all; the bytes must outlive the scans). */
void kind_words_add(KindWords *kinds, const unsigned char *word, size_t len);
void scan_init(Scan *scan);
/* TAKEN, NOT_TAKEN (the general road must read these bytes) or NO_MEMORY. */
int run_scan(Scan *scan, const KindWords *kinds, const HeaderWords *words,
             const unsigned char *data, size_t n);
void scan_free(Scan *scan);
/* 1 when the line [s, e) starts with whatsapp_header.header(words), with where its date and
 * header end. */
int match_header(const unsigned char *s, const unsigned char *e, const HeaderWords *words,
                 Header *header);
/* Adds one word to a list (at most MAX_HEADER_WORDS; the bytes must outlive the scans). */
int word_list_add(WordList *list, const unsigned char *word, size_t len);
/* Characters and \S+ words of well-formed UTF-8 text. */
Measure measure(const unsigned char *s, size_t n);

#endif
