/*
 * One pass over a plain UTF-8 WhatsApp export, in compiled code.
 *
 * The Polars parser (whatsapp.py) reads a million-message export with some twenty whole-column
 * steps, each of which walks every line again. This scanner walks the bytes once: it splits the
 * lines, recognises the header pattern (whatsapp.HEADER, matched byte for byte), cuts out the date,
 * time, sender and first line, and measures every message (characters, words as whatsapp's
 * WORD_PATTERN counts them, and whether it may be media, deleted or a notice). The few thousand
 * distinct dates, times and senders go back to Python as short lists; the per-message columns as
 * Arrow arrays (the Arrow C data interface) that Polars takes over without a copy.
 *
 * It takes on only the files it can read exactly as the Polars parser does, and answers None for
 * anything else (a NUL byte, a CR that is not part of CR LF, bytes that are not UTF-8, text before
 * the first message, no message at all, a file over 4 GB), which then goes the general road: that
 * one also gives every error with its line. tests/chats/test_whatsapp_scan.py holds both roads to
 * the same messages.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The small helpers below run for every line; a call each would cost more than their work. */
#if defined(__GNUC__)
#define HOT static inline __attribute__((always_inline))
#else
#define HOT static inline
#endif

/* ---- growable arrays of uint32 --------------------------------------------------------- */

typedef struct {
    uint32_t *data;
    size_t len;
    size_t cap;
} U32Vec;

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

/* 1 when the bytes are well-formed UTF-8 (the Unicode standard's table 3-7) without a NUL. */
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

/* ---- the words that mark a body as possibly media, deleted or a notice ------------------ */

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

HOT unsigned gram_slot(const unsigned char *p) {
    uint32_t gram;
    memcpy(&gram, p, 4);
    return (gram * 2654435761u) >> 20; /* 12 bits */
}

HOT int bit(const uint8_t *bits, unsigned index) { return bits[index >> 3] & (1u << (index & 7)); }

static void set_bit(uint8_t *bits, unsigned index) { bits[index >> 3] |= (uint8_t)(1u << (index & 7)); }

static int word_at(const KindWords *kinds, const unsigned char *s, size_t left) {
    for (size_t w = 0; w < kinds->count; w++) {
        size_t len = kinds->lengths[w];
        if (len <= left && memcmp(s, kinds->words[w], len) == 0) return 1;
    }
    return 0;
}

/* Whether any of the words is in s. A hashed four-byte window finds the few places worth a
 * closer look; it costs the same whichever letters the text is made of. */
static int holds_kind_word(const KindWords *kinds, const unsigned char *s, size_t n) {
    for (size_t i = 0; i + 4 <= n; i++)
        if (bit(kinds->grams, gram_slot(s + i)) && word_at(kinds, s + i, n - i)) return 1;
    if (kinds->has_pairs)
        for (size_t i = 0; i + 1 < n; i++)
            if (bit(kinds->pairs, ((unsigned)s[i] << 8) | s[i + 1]) && word_at(kinds, s + i, n - i))
                return 1;
    for (size_t k = 0; k < kinds->single_count; k++)
        if (memchr(s, kinds->singles[k], n)) return 1;
    return 0;
}

/* ---- one line's measures ---------------------------------------------------------------- */

typedef struct {
    uint32_t chars;
    uint32_t words;
} Measure;

static const uint64_t HIGH_BITS = 0x8080808080808080ULL, LOW_BITS = 0x7F7F7F7F7F7F7F7FULL;

static Measure measure(const unsigned char *s, size_t n) {
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

typedef struct {
    size_t date_end; /* the date (with any mark and bracket before it) ends here */
    size_t end;      /* where "] " or "- " closes the date and time */
} Header;

static size_t run_of_digits(const unsigned char *p, const unsigned char *e) {
    size_t n = 0;
    while (p + n < e && p[n] >= '0' && p[n] <= '9') n++;
    return n;
}

static size_t run_of_separators(const unsigned char *p, const unsigned char *e) {
    size_t n = 0;
    while (p + n < e && (p[n] == '.' || p[n] == '/' || p[n] == '-')) n++;
    return n;
}

/* The length of whatsapp.SPACE at p: a space, U+00A0 or U+202F; 0 for none. */
static size_t space_at(const unsigned char *p, const unsigned char *e) {
    if (p < e && p[0] == ' ') return 1;
    if (e - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0) return 2;
    if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) return 3;
    return 0;
}

/* Matches whatsapp.HEADER at the start of the line [s, e). Every repeat in the pattern is followed
 * by a character it cannot take, so taking as much as possible is what the pattern does too. */
static int match_header(const unsigned char *s, const unsigned char *e, Header *header) {
    const unsigned char *p = s;
    size_t n;
    if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F)) p += 3;
    if (p < e && *p == '[') p++;
    static const size_t date_digits[3] = {4, 2, 4};
    for (int field = 0; field < 3; field++) {
        n = run_of_digits(p, e);
        if (n < 1 || n > date_digits[field]) return 0;
        p += n;
        if (field < 2) {
            n = run_of_separators(p, e);
            if (n < 1 || n > 2) return 0;
            p += n;
        }
    }
    header->date_end = (size_t)(p - s);
    if (p < e && *p == ',') p++;
    if (!(n = space_at(p, e))) return 0;
    p += n;
    n = run_of_digits(p, e);
    if (n < 1 || n > 2) return 0;
    p += n;
    if (!(p < e && (*p == ':' || *p == '.'))) return 0;
    p++;
    if (run_of_digits(p, e) != 2) return 0;
    p += 2;
    if (e - p >= 3 && (p[0] == ':' || p[0] == '.') && run_of_digits(p + 1, e) == 2) p += 3;
    /* AM/PM, as "PM", "pm", "p.m.", "p. m." or "p m", maybe after a (narrow) space. */
    const unsigned char *q = p + space_at(p, e);
    if (q < e && (*q == 'A' || *q == 'a' || *q == 'P' || *q == 'p')) {
        q++;
        if (q < e && *q == '.') q++;
        q += space_at(q, e);
        if (q < e && (*q == 'M' || *q == 'm')) {
            q++;
            if (q < e && *q == '.') q++;
            p = q;
        }
    }
    if (e - p >= 2 && p[0] == ']' && p[1] == ' ') {
        header->end = (size_t)(p - s);
        return 1;
    }
    if (e - p >= 3 && p[0] == ' ' && p[1] == '-' && p[2] == ' ') {
        header->end = (size_t)(p + 1 - s);
        return 1;
    }
    return 0;
}

/* ---- the scan --------------------------------------------------------------------------- */

typedef struct {
    U32Vec date_id, time_id, sender_id, chars, words; /* a row per message with a sender */
    U32Vec suspect_row, suspect_start, suspect_length; /* rows whose first line needs a look */
    Interner dates, times, senders;
    uint32_t recent_dates[2], recent_times[2], recent_senders[2]; /* see intern_recent */
} Scan;

static void scan_free(Scan *scan) {
    U32Vec *vectors[] = {&scan->date_id, &scan->time_id,     &scan->sender_id,
                         &scan->chars,   &scan->words,       &scan->suspect_row,
                         &scan->suspect_start, &scan->suspect_length};
    for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) free(vectors[i]->data);
    interner_free(&scan->dates);
    interner_free(&scan->times);
    interner_free(&scan->senders);
}

enum { TAKEN = 0, NOT_TAKEN = 1, NO_MEMORY = 2 };

static int blank(const unsigned char *s, const unsigned char *e) {
    for (const unsigned char *p = s; p < e;) {
        unsigned char cls = byte_class[*p];
        if (cls == ASCII_SPACE) {
            p++;
        } else if (cls == MAYBE_SPACE && wide_space(p, (size_t)(e - p))) {
            p += p[0] == 0xC2 ? 2 : 3;
        } else {
            return 0;
        }
    }
    return 1;
}

/* A header line: number its date and time, and start a message row when it has a sender. */
static int take_header(Scan *scan, const KindWords *kinds, const unsigned char *data,
                       const unsigned char *s, const unsigned char *e, const Header *header,
                       int *open) {
    const unsigned char *date = s, *time = s + header->date_end, *start = s + header->end + 2;
    size_t date_len = header->date_end, time_len = header->end - header->date_end;
    uint32_t date_id = intern_recent(&scan->dates, scan->recent_dates, date, date_len);
    uint32_t time_id = intern_recent(&scan->times, scan->recent_times, time, time_len);
    if (date_id == UINT32_MAX || time_id == UINT32_MAX) return NO_MEMORY;
    /* The first ": " after the header ends the sender; none, or an empty name, is a notice. */
    const unsigned char *colon = NULL;
    for (const unsigned char *p = start; p < e;) {
        p = memchr(p, ':', (size_t)(e - p));
        if (!p) break;
        if (p + 1 < e && p[1] == ' ') {
            colon = p;
            break;
        }
        p++;
    }
    *open = colon != NULL && colon > start;
    if (!*open) return TAKEN;
    uint32_t sender_id =
        intern_recent(&scan->senders, scan->recent_senders, start, (size_t)(colon - start));
    if (sender_id == UINT32_MAX) return NO_MEMORY;
    const unsigned char *body = colon + 2;
    size_t body_len = (size_t)(e - body);
    Measure m = measure(body, body_len);
    uint32_t row = (uint32_t)scan->chars.len;
    int suspect = (body_len >= 3 && body[0] == 0xE2 && body[1] == 0x80 && body[2] == 0x8E) ||
                  holds_kind_word(kinds, body, body_len);
    if (u32_push(&scan->date_id, date_id) || u32_push(&scan->time_id, time_id) ||
        u32_push(&scan->sender_id, sender_id) || u32_push(&scan->chars, m.chars) ||
        u32_push(&scan->words, m.words))
        return NO_MEMORY;
    if (suspect && (u32_push(&scan->suspect_row, row) ||
                    u32_push(&scan->suspect_start, (uint32_t)(body - data)) ||
                    u32_push(&scan->suspect_length, (uint32_t)body_len)))
        return NO_MEMORY;
    return TAKEN;
}

static int run_scan(Scan *scan, const KindWords *kinds, const unsigned char *data, size_t n) {
    if (!plain_utf8(data, n)) return NOT_TAKEN;
    const unsigned char *line = data, *end = data + n;
    int seen_header = 0, open = 0, any_cr = memchr(data, '\r', n) != NULL;
    size_t empty_lines = 0; /* blank lines since the last one with text, in a continuation */
    while (line < end) {
        const unsigned char *newline = memchr(line, '\n', (size_t)(end - line));
        const unsigned char *next = newline ? newline + 1 : end;
        const unsigned char *stop = newline ? newline : end;
        if (stop > line && stop[-1] == '\r' && newline) stop--;
        if (any_cr && memchr(line, '\r', (size_t)(stop - line))) return NOT_TAKEN;
        Header header;
        if (match_header(line, stop, &header)) {
            seen_header = 1;
            empty_lines = 0;
            int taken = take_header(scan, kinds, data, line, stop, &header, &open);
            if (taken != TAKEN) return taken;
        } else if (!seen_header) {
            if (!blank(line, stop)) return NOT_TAKEN; /* the general road says where */
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
                empty_lines = 0;
            }
        }
        line = next;
    }
    return seen_header ? TAKEN : NOT_TAKEN;
}

/* ---- Arrow arrays that Polars takes over (the Arrow C data interface) ------------------- */

struct ArrowSchema {
    const char *format;
    const char *name;
    const char *metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema **children;
    struct ArrowSchema *dictionary;
    void (*release)(struct ArrowSchema *);
    void *private_data;
};

struct ArrowArray {
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void **buffers;
    struct ArrowArray **children;
    struct ArrowArray *dictionary;
    void (*release)(struct ArrowArray *);
    void *private_data;
};

static void release_schema(struct ArrowSchema *schema) { schema->release = NULL; }

static void release_array(struct ArrowArray *array) {
    free((void *)array->buffers[1]);
    free(array->buffers);
    array->release = NULL;
}

static void destroy_schema_capsule(PyObject *capsule) {
    struct ArrowSchema *schema = PyCapsule_GetPointer(capsule, "arrow_schema");
    if (schema && schema->release) schema->release(schema);
    free(schema);
}

static void destroy_array_capsule(PyObject *capsule) {
    struct ArrowArray *array = PyCapsule_GetPointer(capsule, "arrow_array");
    if (array && array->release) array->release(array);
    free(array);
}

/* A column of unsigned 32-bit numbers; `pl.Series(column)` takes its memory over, once. */
typedef struct {
    PyObject_HEAD
    uint32_t *data;
    Py_ssize_t length;
} Column;

static void column_dealloc(Column *self) {
    free(self->data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static Py_ssize_t column_len(Column *self) { return self->length; }

static PyObject *column_arrow_c_array(Column *self, PyObject *args, PyObject *kwargs) {
    static char *keywords[] = {"requested_schema", NULL};
    PyObject *requested = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O", keywords, &requested)) return NULL;
    if (!self->data) {
        PyErr_SetString(PyExc_ValueError, "this column was handed over already");
        return NULL;
    }
    struct ArrowSchema *schema = calloc(1, sizeof(struct ArrowSchema));
    struct ArrowArray *array = calloc(1, sizeof(struct ArrowArray));
    const void **buffers = calloc(2, sizeof(void *));
    if (!schema || !array || !buffers) {
        free(schema);
        free(array);
        free(buffers);
        return PyErr_NoMemory();
    }
    schema->format = "I";
    schema->name = "";
    schema->release = release_schema;
    buffers[1] = self->data;
    array->length = self->length;
    array->n_buffers = 2;
    array->buffers = buffers;
    array->release = release_array;
    self->data = NULL; /* the array owns it now */
    PyObject *schema_capsule = PyCapsule_New(schema, "arrow_schema", destroy_schema_capsule);
    if (!schema_capsule) {
        release_array(array);
        free(array);
        free(schema);
        return NULL;
    }
    PyObject *array_capsule = PyCapsule_New(array, "arrow_array", destroy_array_capsule);
    if (!array_capsule) {
        Py_DECREF(schema_capsule);
        release_array(array);
        free(array);
        return NULL;
    }
    return Py_BuildValue("(NN)", schema_capsule, array_capsule);
}

static PyMethodDef column_methods[] = {
    {"__arrow_c_array__", (PyCFunction)(void (*)(void))column_arrow_c_array,
     METH_VARARGS | METH_KEYWORDS, "The column as an Arrow array (handed over once)."},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods column_as_sequence = {.sq_length = (lenfunc)column_len};

static PyTypeObject ColumnType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "anew.chats.formats._whatsapp_scan.Column",
    .tp_basicsize = sizeof(Column),
    .tp_dealloc = (destructor)column_dealloc,
    .tp_as_sequence = &column_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Unsigned 32-bit numbers for pl.Series, handed over without a copy.",
    .tp_methods = column_methods,
};

/* A Column owning the vector's memory (the vector is left empty). */
static PyObject *column_from(U32Vec *vec) {
    Column *column = PyObject_New(Column, &ColumnType);
    if (!column) return NULL;
    column->data = vec->data ? vec->data : calloc(1, sizeof(uint32_t));
    column->length = (Py_ssize_t)vec->len;
    vec->data = NULL;
    vec->len = vec->cap = 0;
    if (!column->data) {
        Py_DECREF(column);
        return PyErr_NoMemory();
    }
    return (PyObject *)column;
}

static PyObject *strings_from(const Interner *table) {
    PyObject *list = PyList_New((Py_ssize_t)table->count);
    if (!list) return NULL;
    for (size_t i = 0; i < table->count; i++) {
        const Entry *entry = &table->entries[i];
        PyObject *text = PyUnicode_DecodeUTF8((const char *)entry->ptr, (Py_ssize_t)entry->len,
                                              "strict");
        if (!text) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, text);
    }
    return list;
}

static PyObject *bodies_from(const Scan *scan, const unsigned char *data) {
    PyObject *list = PyList_New((Py_ssize_t)scan->suspect_row.len);
    if (!list) return NULL;
    for (size_t i = 0; i < scan->suspect_row.len; i++) {
        PyObject *text = PyUnicode_DecodeUTF8((const char *)data + scan->suspect_start.data[i],
                                              (Py_ssize_t)scan->suspect_length.data[i], "strict");
        if (!text) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, text);
    }
    return list;
}

/* ---- the module ------------------------------------------------------------------------- */

static int kind_words_from(PyObject *sequence, KindWords *kinds) {
    Py_ssize_t count = PyTuple_GET_SIZE(sequence);
    if (count < 1 || count > MAX_KIND_WORDS) {
        PyErr_SetString(PyExc_ValueError, "give between 1 and 64 kind words");
        return -1;
    }
    memset(kinds, 0, sizeof(KindWords));
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyTuple_GET_ITEM(sequence, i);
        if (!PyBytes_Check(word) || PyBytes_GET_SIZE(word) < 1) {
            PyErr_SetString(PyExc_TypeError, "each kind word must be non-empty bytes");
            return -1;
        }
        const unsigned char *bytes = (const unsigned char *)PyBytes_AS_STRING(word);
        size_t len = (size_t)PyBytes_GET_SIZE(word);
        kinds->words[kinds->count] = bytes;
        kinds->lengths[kinds->count++] = len;
        if (len == 1) {
            kinds->singles[kinds->single_count++] = bytes[0];
        } else if (len < 4) {
            set_bit(kinds->pairs, ((unsigned)bytes[0] << 8) | bytes[1]);
            kinds->has_pairs = 1;
        } else {
            set_bit(kinds->grams, gram_slot(bytes));
        }
    }
    return 0;
}

static PyObject *scan_export(PyObject *module, PyObject *args) {
    Py_buffer buffer;
    PyObject *words;
    if (!PyArg_ParseTuple(args, "y*O", &buffer, &words)) return NULL;
    PyObject *held = PySequence_Tuple(words); /* keeps the words alive while the GIL is let go */
    KindWords kinds;
    if (!held || kind_words_from(held, &kinds) < 0) {
        Py_XDECREF(held);
        PyBuffer_Release(&buffer);
        return NULL;
    }
    Scan scan;
    memset(&scan, 0, sizeof(Scan));
    for (int k = 0; k < 2; k++)
        scan.recent_dates[k] = scan.recent_times[k] = scan.recent_senders[k] = UINT32_MAX;
    const unsigned char *data = buffer.buf;
    size_t size = (size_t)buffer.len;
    int outcome = NOT_TAKEN;
    if (size <= UINT32_MAX) {
        Py_BEGIN_ALLOW_THREADS
        outcome = run_scan(&scan, &kinds, data, size);
        Py_END_ALLOW_THREADS
    }
    PyObject *result = NULL;
    if (outcome == NO_MEMORY) {
        PyErr_NoMemory();
    } else if (outcome == NOT_TAKEN) {
        result = Py_NewRef(Py_None);
    } else {
        /* One at a time, in this order: the bodies read the suspect rows the last one takes. */
        PyObject *parts[10];
        parts[0] = column_from(&scan.date_id);
        parts[1] = column_from(&scan.time_id);
        parts[2] = column_from(&scan.sender_id);
        parts[3] = column_from(&scan.chars);
        parts[4] = column_from(&scan.words);
        parts[5] = strings_from(&scan.dates);
        parts[6] = strings_from(&scan.times);
        parts[7] = strings_from(&scan.senders);
        parts[8] = bodies_from(&scan, data);
        parts[9] = column_from(&scan.suspect_row);
        int complete = 1;
        for (int k = 0; k < 10; k++) complete = complete && parts[k] != NULL;
        if (complete) result = PyTuple_New(10);
        for (int k = 0; k < 10; k++) {
            if (result) PyTuple_SET_ITEM(result, k, parts[k]);
            else Py_XDECREF(parts[k]);
        }
    }
    scan_free(&scan);
    Py_DECREF(held);
    PyBuffer_Release(&buffer);
    return result;
}

static PyObject *match_header_export(PyObject *module, PyObject *args) {
    const char *line;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "y#", &line, &size)) return NULL;
    Header header;
    const unsigned char *start = (const unsigned char *)line;
    if (!match_header(start, start + size, &header)) Py_RETURN_NONE;
    return Py_BuildValue("(nn)", (Py_ssize_t)header.date_end, (Py_ssize_t)header.end);
}

static PyObject *measure_export(PyObject *module, PyObject *args) {
    const char *text;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "y#", &text, &size)) return NULL;
    Measure m = measure((const unsigned char *)text, (size_t)size);
    return Py_BuildValue("(II)", m.chars, m.words);
}

static PyMethodDef module_methods[] = {
    {"scan", scan_export, METH_VARARGS,
     "scan(data, kind_words): the export's messages, or None where the general parser must "
     "read it."},
    {"match_header", match_header_export, METH_VARARGS,
     "match_header(line): (date_end, end) of a header line, or None."},
    {"measure", measure_export, METH_VARARGS,
     "measure(text): (characters, words) of well-formed UTF-8 text."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_whatsapp_scan",
    .m_doc = "One compiled pass over a plain UTF-8 WhatsApp export (see whatsapp_scan.py).",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__whatsapp_scan(void) {
    for (int b = 0; b < 256; b++) {
        if (b >= 0x80 && b <= 0xBF) byte_class[b] = CONTINUATION;
        else if ((b >= 0x09 && b <= 0x0D) || b == ' ') byte_class[b] = ASCII_SPACE;
        else if (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3) byte_class[b] = MAYBE_SPACE;
        else byte_class[b] = PLAIN;
    }
    if (PyType_Ready(&ColumnType) < 0) return NULL;
    PyObject *module = PyModule_Create(&module_definition);
    if (!module) return NULL;
    if (PyModule_AddObjectRef(module, "Column", (PyObject *)&ColumnType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
