/*
 * One pass over a plain UTF-8 WhatsApp export, in compiled code (the Python module around it is
 * _whatsapp_scan.c).
 *
 * The Polars parser (whatsapp.py) reads a million-message export with some twenty whole-column
 * steps, each of which walks every line again. This scanner walks the bytes once: it splits the
 * lines, recognises the header pattern (whatsapp_header.header, matched byte for byte), cuts out
 * the date, time, sender and first line, and measures every message (characters, words as whatsapp's
 * WORD_PATTERN counts them, and whether it may be media, deleted or a notice). Where the texts are
 * kept, it notes where each message's text lies and then copies them all into one buffer, joined
 * as the general road joins them (scan_texts), so no line of the file is made a string of its own. The few thousand
 * distinct dates, times and senders go back to Python as short lists; the per-message columns as
 * Arrow arrays (the Arrow C data interface) that Polars takes over without a copy.
 *
 * It takes on only the files it can read exactly as the Polars parser does, and answers NOT_TAKEN
 * for anything else (a NUL byte, a CR that is not part of CR LF, bytes that are not UTF-8, an
 * Arabic-Indic or Persian digit, no message at all, a file over 4 GB), which then goes the
 * general road: that one also gives every error with its line. tests/chats/test_whatsapp_scan.py holds both roads
 * to the same messages.
 */
#include "whatsapp_scanner.h"

#include <stdlib.h>
#include <string.h>

/* The small helpers below run for every line; a call each would cost more than their work. */
#if defined(__GNUC__)
#define HOT static inline __attribute__((always_inline))
#else
#define HOT static inline
#endif

/* ---- growable arrays of uint32 --------------------------------------------------------- */

static int u32_push(U32Vec *vec, uint32_t value) {
    if (vec->len == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 1024;
        uint32_t *data = realloc(vec->data, cap * sizeof(uint32_t));
        if (!data) return -1;
        vec->data = data;
        vec->cap = cap;
    }
    vec->data[vec->len++] = value;
    return 0;
}

/* ---- distinct byte strings, numbered in order of first appearance ---------------------- */

/* Up to eight bytes as one number (the bytes past `len` as zeros). */
HOT uint64_t load_tail(const unsigned char *ptr, size_t len) {
    uint64_t word = 0;
    for (size_t k = 0; k < len && k < 8; k++) word |= (uint64_t)ptr[k] << (8 * k);
    return word;
}

/* A hash eight bytes at a time: the strings are short, and a byte-at-a-time hash was a fifth of
 * the scan. */
HOT uint64_t hash_bytes(const unsigned char *ptr, size_t len) {
    const uint64_t mix = 0x9E3779B97F4A7C15ULL;
    uint64_t hash = len * mix;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t word;
        memcpy(&word, ptr + i, 8);
        hash = (hash ^ word) * mix;
        hash ^= hash >> 29;
    }
    if (i < len) {
        hash = (hash ^ load_tail(ptr + i, len - i)) * mix;
        hash ^= hash >> 29;
    }
    return hash;
}

static int interner_grow(Interner *table) {
    size_t slot_count = table->slot_count ? table->slot_count * 2 : 64;
    uint32_t *slots = calloc(slot_count, sizeof(uint32_t));
    if (!slots) return -1;
    for (size_t id = 0; id < table->count; id++) {
        size_t slot = table->entries[id].hash & (slot_count - 1);
        while (slots[slot]) slot = (slot + 1) & (slot_count - 1);
        slots[slot] = (uint32_t)id + 1;
    }
    free(table->slots);
    table->slots = slots;
    table->slot_count = slot_count;
    return 0;
}

/* Whether two byte strings of one length are the same: these are short (a date, a time, a
 * name), where a call to memcmp costs more than two or four loads. */
HOT int same(const unsigned char *a, const unsigned char *b, size_t len) {
    if (len > 16) return memcmp(a, b, len) == 0;
    if (len >= 8) {
        uint64_t a1, b1, a2, b2;
        memcpy(&a1, a, 8);
        memcpy(&b1, b, 8);
        memcpy(&a2, a + len - 8, 8);
        memcpy(&b2, b + len - 8, 8);
        return a1 == b1 && a2 == b2;
    }
    return load_tail(a, len) == load_tail(b, len);
}

/* The number of the string, adding it when new; UINT32_MAX when out of memory. */
static uint32_t intern(Interner *table, const unsigned char *ptr, size_t len) {
    if ((table->count + 1) * 2 > table->slot_count && interner_grow(table) < 0) return UINT32_MAX;
    uint64_t hash = hash_bytes(ptr, len);
    size_t slot = hash & (table->slot_count - 1);
    while (table->slots[slot]) {
        Entry *entry = &table->entries[table->slots[slot] - 1];
        if (entry->hash == hash && entry->len == len && same(entry->ptr, ptr, len))
            return table->slots[slot] - 1;
        slot = (slot + 1) & (table->slot_count - 1);
    }
    if (table->count == table->entry_cap) {
        size_t cap = table->entry_cap ? table->entry_cap * 2 : 64;
        Entry *entries = realloc(table->entries, cap * sizeof(Entry));
        if (!entries) return UINT32_MAX;
        table->entries = entries;
        table->entry_cap = cap;
    }
    table->entries[table->count] = (Entry){ptr, len, hash};
    table->slots[slot] = (uint32_t)table->count + 1;
    return (uint32_t)table->count++;
}

/* The same, trying first the strings numbered last (`recent`, updated): in a chat the same
 * time and the same two people come back line after line. */
static uint32_t intern_recent(Interner *table, uint32_t recent[2], const unsigned char *ptr,
                              size_t len) {
    for (int k = 0; k < 2; k++) {
        if (recent[k] == UINT32_MAX) continue;
        const Entry *entry = &table->entries[recent[k]];
        if (entry->len == len && same(entry->ptr, ptr, len)) {
            uint32_t id = recent[k];
            recent[k] = recent[0];
            recent[0] = id;
            return id;
        }
    }
    uint32_t id = intern(table, ptr, len);
    recent[1] = recent[0];
    recent[0] = id;
    return id;
}

static void interner_free(Interner *table) {
    free(table->entries);
    free(table->slots);
}

/* ---- UTF-8 ------------------------------------------------------------------------------ */

/* 1 when the bytes are well-formed UTF-8 (the Unicode standard's table 3-7) without a NUL, nor
 * an Arabic-Indic or Persian digit (whatsapp_header.EASTERN_DIGITS). */
static int plain_utf8(const unsigned char *s, size_t n) {
    const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8) {
            uint64_t word;
            memcpy(&word, s + i, 8);
            if (!(word & high) && !((word - ones) & ~word & high)) {
                i += 8;
                continue;
            }
        }
        unsigned char b = s[i];
        if (b == 0) return 0;
        if (b < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned char low = 0x80, top = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            if (b == 0xE0) low = 0xA0;
            if (b == 0xED) top = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            if (b == 0xF0) low = 0x90;
            if (b == 0xF4) top = 0x8F;
        } else {
            return 0;
        }
        if (n - i <= need) return 0;
        if (s[i + 1] < low || s[i + 1] > top) return 0;
        /* Arabic-Indic and Persian digits: such a file's dates are read on the general road */
        if ((b == 0xD9 && s[i + 1] >= 0xA0 && s[i + 1] <= 0xA9) ||
            (b == 0xDB && s[i + 1] >= 0xB0 && s[i + 1] <= 0xB9))
            return 0;
        for (size_t k = 2; k <= need; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return 0;
        i += need + 1;
    }
    return 1;
}

enum { PLAIN = 0, CONTINUATION = 1, ASCII_SPACE = 2, MAYBE_SPACE = 3 };
static unsigned char byte_class[256];

/* Whether the character at p (starting with C2, E1, E2 or E3) is white space to WORD_PATTERN's
 * \S, the Unicode White_Space property. */
static int wide_space(const unsigned char *p, size_t left) {
    if (p[0] == 0xC2) return left >= 2 && (p[1] == 0x85 || p[1] == 0xA0);
    if (left < 3) return 0;
    if (p[0] == 0xE1) return p[1] == 0x9A && p[2] == 0x80;
    if (p[0] == 0xE3) return p[1] == 0x80 && p[2] == 0x80;
    if (p[1] == 0x80) return p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF;
    return p[1] == 0x81 && p[2] == 0x9F;
}

/* ---- the words that mark a line as possibly media, deleted or a notice ------------------ */

HOT unsigned gram_slot(const unsigned char *p) {
    uint32_t gram;
    memcpy(&gram, p, 4);
    return (gram * 2654435761u) >> 16; /* 16 bits */
}

HOT int bit(const uint8_t *bits, unsigned index) { return bits[index >> 3] & (1u << (index & 7)); }

static void set_bit(uint8_t *bits, unsigned index) { bits[index >> 3] |= (uint8_t)(1u << (index & 7)); }

/* Whether one of the longer words in the slot starts at s. */
static int long_word_at(const KindWords *kinds, unsigned slot, const unsigned char *s,
                        size_t left) {
    for (uint32_t w = kinds->heads[slot]; w; w = kinds->next[w - 1]) {
        size_t len = kinds->lengths[w - 1];
        if (len <= left && memcmp(s, kinds->words[w - 1], len) == 0) return 1;
    }
    return 0;
}

static int short_word_at(const KindWords *kinds, const unsigned char *s, size_t left) {
    for (size_t k = 0; k < kinds->short_count; k++) {
        size_t len = kinds->lengths[kinds->shorts[k]];
        if (len <= left && memcmp(s, kinds->words[kinds->shorts[k]], len) == 0) return 1;
    }
    return 0;
}

/* Whether any of the words is in s. A hashed four-byte window finds the few places worth a
 * closer look, at the same cost whichever letters the text is made of and however many words
 * the tables hold. */
int holds_kind_word(const KindWords *kinds, const unsigned char *s, size_t n) {
    for (size_t i = 0; i + 4 <= n; i++) {
        unsigned slot = gram_slot(s + i);
        if (bit(kinds->grams, slot) && long_word_at(kinds, slot, s + i, n - i)) return 1;
    }
    if (kinds->short_count)
        for (size_t i = 0; i + 1 < n; i++)
            if (bit(kinds->pairs, ((unsigned)s[i] << 8) | s[i + 1]) &&
                short_word_at(kinds, s + i, n - i))
                return 1;
    for (size_t k = 0; k < kinds->single_count; k++)
        if (memchr(s, kinds->singles[k], n)) return 1;
    return 0;
}

/* ---- one line's measures ---------------------------------------------------------------- */

static const uint64_t HIGH_BITS = 0x8080808080808080ULL, LOW_BITS = 0x7F7F7F7F7F7F7F7FULL;

Measure measure(const unsigned char *s, size_t n) {
    Measure m = {0, 0};
    /* the high bit (0x80) set when the character before is white space, as before the text */
    uint64_t after_space = 0x80;
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8) {
            /* Eight ASCII bytes, none a control character: only the plain space parts words. */
            uint64_t v;
            memcpy(&v, s + i, 8);
            uint64_t printable = ((v & LOW_BITS) + 0x6060606060606060ULL) & HIGH_BITS;
            if (!(v & HIGH_BITS) && printable == HIGH_BITS) {
                uint64_t x = v ^ 0x2020202020202020ULL;
                uint64_t filled = (((x & LOW_BITS) + LOW_BITS) | x) & HIGH_BITS;
                uint64_t space = ~filled & HIGH_BITS;
                uint64_t starts = (filled & ((space << 8) | after_space)) >> 7;
                m.words += (uint32_t)((starts * 0x0101010101010101ULL) >> 56);
                m.chars += 8;
                after_space = (space >> 56) & 0x80;
                i += 8;
                continue;
            }
        }
        unsigned char cls = byte_class[s[i]];
        if (cls != CONTINUATION) {
            m.chars++;
            if (cls == ASCII_SPACE || (cls == MAYBE_SPACE && wide_space(s + i, n - i))) {
                after_space = 0x80;
            } else {
                if (after_space) m.words++;
                after_space = 0;
            }
        }
        i++;
    }
    return m;
}

/* ---- the header pattern ----------------------------------------------------------------- */

HOT size_t run_of_digits(const unsigned char *p, const unsigned char *e) {
    size_t n = 0;
    while (p + n < e && p[n] >= '0' && p[n] <= '9') n++;
    return n;
}

HOT size_t run_of_separators(const unsigned char *p, const unsigned char *e) {
    size_t n = 0;
    while (p + n < e && (p[n] == '.' || p[n] == '/' || p[n] == '-')) n++;
    return n;
}

/* The length of whatsapp.SPACE at p: a space, U+00A0 or U+202F; 0 for none. */
HOT size_t space_at(const unsigned char *p, const unsigned char *e) {
    if (p < e && p[0] == ' ') return 1;
    if (e - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0) return 2;
    if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) return 3;
    return 0;
}

HOT int is_digit(unsigned char byte) { return byte >= '0' && byte <= '9'; }

/* The length of `word` at p, where a space in it matches any of whatsapp_header.SPACES; 0 when
 * the word is not there. */
static size_t word_length_at(const unsigned char *p, const unsigned char *e,
                             const unsigned char *word, size_t len) {
    const unsigned char *q = p;
    for (size_t k = 0; k < len; k++) {
        if (word[k] == ' ') {
            size_t n = space_at(q, e);
            if (!n) return 0;
            q += n;
        } else {
            if (q >= e || *q != word[k]) return 0;
            q++;
        }
    }
    return (size_t)(q - p);
}

/* whatsapp_header.BUILT_IN_AMPM at p ("PM", "pm", "p.m.", "p. m."); its length, or 0. */
static size_t built_in_period(const unsigned char *p, const unsigned char *e) {
    const unsigned char *q = p;
    if (!(q < e && (*q == 'A' || *q == 'a' || *q == 'P' || *q == 'p'))) return 0;
    q++;
    if (q < e && *q == '.') q++;
    q += space_at(q, e);
    if (!(q < e && (*q == 'M' || *q == 'm'))) return 0;
    q++;
    if (q < e && *q == '.') q++;
    return (size_t)(q - p);
}

/* Every length an AM/PM spelling has at p (the built-in one and the tables'): the pattern tries
 * each, so the match does too. Returns how many. */
static size_t periods_at(const unsigned char *p, const unsigned char *e, const HeaderWords *words,
                         size_t *lengths) {
    size_t count = 0, n = built_in_period(p, e);
    if (n) lengths[count++] = n;
    if (!(p < e && bit(words->periods.first_bytes, *p))) return count;
    for (size_t w = 0; w < words->periods.count; w++)
        if ((n = word_length_at(p, e, words->periods.words[w], words->periods.lengths[w])))
            lengths[count++] = n;
    return count;
}

/* What closes the date and time: "] ", or one space or more and "- ". Where the "]" or "-" is,
 * or NULL. */
static const unsigned char *header_close(const unsigned char *p, const unsigned char *e) {
    if (e - p >= 2 && p[0] == ']' && p[1] == ' ') return p;
    const unsigned char *q = p;
    size_t n;
    while ((n = space_at(q, e))) q += n;
    if (q > p && e - q >= 2 && q[0] == '-' && q[1] == ' ') return q;
    return NULL;
}

/* whatsapp_header.CLOCK at p, then an AM/PM spelling and the close. Every repeat is followed by
 * a character it cannot take, so taking as much as possible is what the pattern does too. */
static const unsigned char *clock_and_close(const unsigned char *p, const unsigned char *e,
                                            const HeaderWords *words) {
    size_t n = run_of_digits(p, e);
    if (n < 1 || n > 2) return NULL;
    p += n;
    if (!(p < e && (*p == ':' || *p == '.'))) return NULL;
    p++;
    if (run_of_digits(p, e) != 2) return NULL;
    p += 2;
    if (e - p >= 3 && (p[0] == ':' || p[0] == '.') && run_of_digits(p + 1, e) == 2) p += 3;
    const unsigned char *q = p + space_at(p, e);
    size_t lengths[MAX_HEADER_WORDS + 1];
    size_t count = periods_at(q, e, words, lengths);
    for (size_t k = 0; k < count; k++) {
        const unsigned char *close = header_close(q + lengths[k], e);
        if (close) return close;
    }
    return header_close(p, e);
}

/* The clock, or an AM/PM spelling before it ("오후 3:04", "下午3:04"). */
static const unsigned char *early_period_and_clock(const unsigned char *p, const unsigned char *e,
                                                   const HeaderWords *words) {
    const unsigned char *close = clock_and_close(p, e, words);
    if (close || (p < e && is_digit(*p))) return close;
    size_t lengths[MAX_HEADER_WORDS + 1];
    size_t count = periods_at(p, e, words, lengths);
    for (size_t k = 0; k < count; k++) {
        const unsigned char *q = p + lengths[k];
        if ((close = clock_and_close(q + space_at(q, e), e, words))) return close;
    }
    return NULL;
}

/* The length of U+200E or U+200F at p (right-to-left phones mark a date's fields), or 0. */
HOT size_t mark_at(const unsigned char *p, const unsigned char *e) {
    return e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F) ? 3 : 0;
}

#define MAX_STARTS (2 * MAX_HEADER_WORDS + 1)

/* Where the time may start after what comes between it and the date at p
 * (whatsapp_header._after_date: a dot or a comma, a locale word after a space or straight after
 * the date, and a space). Returns how many places, written to `starts`. */
static size_t after_date(const unsigned char *p, const unsigned char *e, const HeaderWords *words,
                         const unsigned char **starts) {
    size_t count = 0, lead, n;
    if (p < e && *p == '.') p++;
    if (p < e && *p == ',') p++;
    if ((lead = space_at(p, e))) starts[count++] = p + lead;
    const unsigned char *from[2] = {p, p + lead};
    for (int k = 0; k < (lead ? 2 : 1); k++) {
        const unsigned char *q = from[k];
        if (!(q < e && bit(words->between.first_bytes, *q))) continue;
        for (size_t w = 0; w < words->between.count; w++) {
            size_t len = word_length_at(q, e, words->between.words[w], words->between.lengths[w]);
            if (len && (n = space_at(q + len, e))) starts[count++] = q + len + n;
        }
    }
    return count;
}

/* Where the date ends, as whatsapp_header.date_end finds it: the first place where what comes
 * between date and time is followed by a word or a time. */
static size_t date_end_of(const unsigned char *s, const unsigned char *e, const HeaderWords *words) {
    const unsigned char *starts[MAX_STARTS];
    for (const unsigned char *p = s; p < e; p++) {
        size_t count = after_date(p, e, words, starts);
        for (size_t k = 0; k < count; k++) {
            const unsigned char *q = starts[k];
            if (q >= e) continue;
            if (!is_digit(*q)) return (size_t)(p - s);
            size_t d = run_of_digits(q, e);
            if (d <= 2 && e - (q + d) >= 3 && (q[d] == ':' || q[d] == '.') &&
                is_digit(q[d + 1]) && is_digit(q[d + 2]))
                return (size_t)(p - s);
        }
    }
    return (size_t)(e - s);
}

/* Matches whatsapp_header.header(words) at the start of the line [s, e). */
int match_header(const unsigned char *s, const unsigned char *e, const HeaderWords *words,
                 Header *header) {
    const unsigned char *p = s;
    size_t n;
    p += mark_at(p, e);
    if (p < e && *p == '[') p++;
    p += mark_at(p, e);
    static const size_t date_digits[3] = {4, 2, 4};
    int spaced = 0;
    for (int field = 0; field < 3; field++) {
        n = run_of_digits(p, e);
        if (n < 1 || n > date_digits[field]) return 0;
        p += n;
        if (field < 2) {
            p += mark_at(p, e);
            n = run_of_separators(p, e);
            if (n < 1 || n > 2) return 0;
            p += n;
            if (p[-1] == '.' && p < e && *p == ' ') p++, spaced = 1; /* "2024. 3. 12." */
            p += mark_at(p, e);
        }
    }
    /* Without a space inside the date, date_end finds where the date's digits end. */
    size_t date_end = (size_t)(p - s);
    const unsigned char *starts[MAX_STARTS], *close = NULL;
    size_t count = after_date(p, e, words, starts);
    for (size_t k = 0; !close && k < count; k++) close = early_period_and_clock(starts[k], e, words);
    if (!close) return 0;
    header->date_end = spaced ? date_end_of(s, e, words) : date_end;
    header->end = (size_t)(close - s);
    return 1;
}

int word_list_add(WordList *list, const unsigned char *word, size_t len) {
    if (list->count == MAX_HEADER_WORDS) return -1;
    list->words[list->count] = word;
    list->lengths[list->count++] = len;
    set_bit(list->first_bytes, word[0]);
    return 0;
}

/* ---- the scan --------------------------------------------------------------------------- */

void scan_free(Scan *scan) {
    U32Vec *vectors[] = {&scan->date_id,      &scan->time_id,       &scan->sender_id,
                         &scan->chars,        &scan->words,         &scan->suspect_row,
                         &scan->suspect_line, &scan->suspect_start, &scan->suspect_length,
                         &scan->suspect_flags, &scan->unplaced,      &scan->text_start,
                         &scan->text_end};
    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) free(vectors[i]->data);
    interner_free(&scan->dates);
    interner_free(&scan->times);
    interner_free(&scan->senders);
}

/* Where the sender's name ends: at the first ": " after the header, or at a ":" that ends the
 * line (a message with nothing after "Name:"); NULL for none. */
static const unsigned char *name_end(const unsigned char *start, const unsigned char *e) {
    for (const unsigned char *p = start; p < e;) {
        p = memchr(p, ':', (size_t)(e - p));
        if (!p) break;
        if (p + 1 < e && p[1] == ' ') return p;
        if (p + 1 == e) return p;
        p++;
    }
    return NULL;
}

/* Whether the text starts, after any spaces, with the mark WhatsApp puts before its own notes
 * and attachments: U+200E, or U+200F on right-to-left phones. */
static int starts_with_mark(const unsigned char *p, const unsigned char *e) {
    while (p < e && *p == ' ') p++;
    return e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F);
}

static int push_suspect(Scan *scan, uint32_t row, uint32_t line, const unsigned char *data,
                        const unsigned char *start, const unsigned char *e, uint32_t flags) {
    if (u32_push(&scan->suspect_row, row) || u32_push(&scan->suspect_line, line) ||
        u32_push(&scan->suspect_start, (uint32_t)(start - data)) ||
        u32_push(&scan->suspect_length, (uint32_t)(e - start)) ||
        u32_push(&scan->suspect_flags, flags))
        return NO_MEMORY;
    return TAKEN;
}

/* A header line: number its date and time, and start a message row when it has a sender. A line
 * without one, and a row whose text after the header may be media, deleted or a notice, is kept
 * for the closer look (whatsapp_kinds): the whole text after the header is searched, since a
 * notice is read whole before a name is split off. */
static int take_header(Scan *scan, const KindWords *kinds, const unsigned char *data,
                       const unsigned char *s, const unsigned char *e, const Header *header,
                       uint32_t line, int *open) {
    const unsigned char *date = s, *time = s + header->date_end, *start = s + header->end + 2;
    size_t date_len = header->date_end, time_len = header->end - header->date_end;
    uint32_t flags = s[header->end] == ']' ? SUSPECT_IOS : 0;
    uint32_t date_id = intern_recent(&scan->dates, scan->recent_dates, date, date_len);
    uint32_t time_id = intern_recent(&scan->times, scan->recent_times, time, time_len);
    if (date_id == UINT32_MAX || time_id == UINT32_MAX) return NO_MEMORY;
    /* No name, or an empty one ("- : text"), is a notice. */
    const unsigned char *colon = name_end(start, e);
    *open = colon != NULL && colon > start;
    if (!*open) return push_suspect(scan, UINT32_MAX, line, data, start, e, flags);
    uint32_t sender_id =
        intern_recent(&scan->senders, scan->recent_senders, start, (size_t)(colon - start));
    if (sender_id == UINT32_MAX) return NO_MEMORY;
    const unsigned char *body = colon + 1 < e ? colon + 2 : e;
    size_t body_len = (size_t)(e - body);
    Measure m = measure(body, body_len);
    uint32_t row = (uint32_t)scan->chars.len;
    int suspect = starts_with_mark(body, e) || holds_kind_word(kinds, start, (size_t)(e - start));
    if (u32_push(&scan->date_id, date_id) || u32_push(&scan->time_id, time_id) ||
        u32_push(&scan->sender_id, sender_id) || u32_push(&scan->chars, m.chars) ||
        u32_push(&scan->words, m.words))
        return NO_MEMORY;
    if (scan->keep_texts) {
        const unsigned char *text = body;
        while (e - text >= 3 && text[0] == 0xE2 && text[1] == 0x80 && text[2] == 0x8E) text += 3;
        if (u32_push(&scan->text_start, (uint32_t)(text - data)) ||
            u32_push(&scan->text_end, (uint32_t)(e - data)))
            return NO_MEMORY;
    }
    return suspect ? push_suspect(scan, row, line, data, start, e, flags) : TAKEN;
}

int run_scan(Scan *scan, const KindWords *kinds, const HeaderWords *words,
             const unsigned char *data, size_t n) {
    if (n > UINT32_MAX || !plain_utf8(data, n)) return NOT_TAKEN; /* offsets are 32-bit */
    const unsigned char *line = data, *end = data + n;
    int seen_header = 0, open = 0, any_cr = memchr(data, '\r', n) != NULL;
    size_t empty_lines = 0; /* blank lines since the last one with text, in a continuation */
    uint32_t number = 0;    /* the line's number in the file, from 1 */
    while (line < end) {
        number++;
        const unsigned char *newline = memchr(line, '\n', (size_t)(end - line));
        const unsigned char *next = newline ? newline + 1 : end;
        const unsigned char *stop = newline ? newline : end;
        if (stop > line && stop[-1] == '\r' && newline) stop--;
        if (any_cr && memchr(line, '\r', (size_t)(stop - line))) return NOT_TAKEN;
        Header header;
        if (match_header(line, stop, words, &header)) {
            seen_header = 1;
            empty_lines = 0;
            int taken = take_header(scan, kinds, data, line, stop, &header, number, &open);
            if (taken != TAKEN) return taken;
        } else if (!seen_header) {
            /* text before the first message belongs to none: set aside as unplaced */
            if (measure(line, (size_t)(stop - line)).words && u32_push(&scan->unplaced, number))
                return NO_MEMORY;
        } else if (open) {
            /* A continuation: the text gains "\n" and the line, blank lines kept only before
             * one with text (whatsapp._continuations strips the message's trailing ones). */
            if (stop == line) {
                empty_lines++;
            } else {
                Measure m = measure(line, (size_t)(stop - line));
                size_t row = scan->chars.len - 1;
                scan->chars.data[row] += (uint32_t)(empty_lines + 1) + m.chars;
                scan->words.data[row] += m.words;
                if (scan->keep_texts) scan->text_end.data[row] = (uint32_t)(stop - data);
                empty_lines = 0;
            }
        }
        line = next;
    }
    return seen_header ? TAKEN : NOT_TAKEN;
}

/* ---- the texts, when they are kept ------------------------------------------------------- */

int scan_texts(const Scan *scan, const unsigned char *data, Texts *texts) {
    size_t count = scan->text_start.len, total = 0;
    for (size_t row = 0; row < count; row++)
        total += scan->text_end.data[row] - scan->text_start.data[row];
    memset(texts, 0, sizeof(Texts));
    texts->count = count;
    texts->large = total > INT32_MAX;
    texts->bytes = malloc(total ? total : 1);
    texts->offsets = malloc((count + 1) * (texts->large ? sizeof(int64_t) : sizeof(int32_t)));
    if (!texts->bytes || !texts->offsets) {
        free(texts->bytes);
        free(texts->offsets);
        texts->bytes = texts->offsets = NULL;
        return NO_MEMORY;
    }
    /* The scan took on no CR but in CR LF, so leaving out every CR reads CR LF as LF. */
    size_t at = 0;
    for (size_t row = 0; row <= count; row++) {
        if (texts->large) ((int64_t *)texts->offsets)[row] = (int64_t)at;
        else ((int32_t *)texts->offsets)[row] = (int32_t)at;
        if (row == count) break;
        const unsigned char *p = data + scan->text_start.data[row];
        const unsigned char *e = data + scan->text_end.data[row];
        while (p < e) {
            const unsigned char *cr = memchr(p, '\r', (size_t)(e - p));
            const unsigned char *stop = cr ? cr : e;
            memcpy(texts->bytes + at, p, (size_t)(stop - p));
            at += (size_t)(stop - p);
            p = cr ? cr + 1 : e;
        }
    }
    return 0;
}

/* ---- setting up ------------------------------------------------------------------------- */

void scanner_setup(void) {
    for (int b = 0; b < 256; b++) {
        if (b >= 0x80 && b <= 0xBF) byte_class[b] = CONTINUATION;
        else if ((b >= 0x09 && b <= 0x0D) || b == ' ') byte_class[b] = ASCII_SPACE;
        else if (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3) byte_class[b] = MAYBE_SPACE;
        else byte_class[b] = PLAIN;
    }
}

void kind_words_add(KindWords *kinds, const unsigned char *word, size_t len) {
    uint32_t w = (uint32_t)kinds->count++;
    kinds->words[w] = word;
    kinds->lengths[w] = (uint32_t)len;
    if (len == 1) {
        kinds->singles[kinds->single_count++] = word[0];
    } else if (len < 4) {
        set_bit(kinds->pairs, ((unsigned)word[0] << 8) | word[1]);
        kinds->shorts[kinds->short_count++] = w;
    } else {
        unsigned slot = gram_slot(word);
        set_bit(kinds->grams, slot);
        kinds->next[w] = kinds->heads[slot];
        kinds->heads[slot] = w + 1;
    }
}

void scan_init(Scan *scan) {
    memset(scan, 0, sizeof(Scan));
    for (int k = 0; k < 2; k++)
        scan->recent_dates[k] = scan->recent_times[k] = scan->recent_senders[k] = UINT32_MAX;
}
