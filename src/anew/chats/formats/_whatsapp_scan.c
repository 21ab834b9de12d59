/*
 * The Python module around the WhatsApp scanner (whatsapp_scanner.c): it lets go of the
 * interpreter while the scan runs, and hands the per-message columns to Polars as Arrow arrays
 * (the Arrow C data interface) that Polars takes over without a copy, and the distinct dates,
 * times and senders as short lists.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "whatsapp_scanner.h"

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
    for (int64_t k = 1; k < array->n_buffers; k++) free((void *)array->buffers[k]);
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

/* A column of unsigned 32-bit numbers, or of strings (`offsets` into `data`, Arrow's "u" or
 * "U"); `pl.Series(column)` takes its memory over, once. */
typedef struct {
    PyObject_HEAD
    void *data;
    void *offsets;
    const char *format;
    Py_ssize_t length;
} Column;

static void column_dealloc(Column *self) {
    free(self->data);
    free(self->offsets);
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
    const void **buffers = calloc(3, sizeof(void *));
    if (!schema || !array || !buffers) {
        free(schema);
        free(array);
        free(buffers);
        return PyErr_NoMemory();
    }
    schema->format = self->format;
    schema->name = "";
    schema->release = release_schema;
    if (self->offsets) {
        buffers[1] = self->offsets;
        buffers[2] = self->data;
        array->n_buffers = 3;
    } else {
        buffers[1] = self->data;
        array->n_buffers = 2;
    }
    array->length = self->length;
    array->buffers = buffers;
    array->release = release_array;
    self->data = self->offsets = NULL; /* the array owns them now */
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
    .tp_doc = "Unsigned 32-bit numbers or strings for pl.Series, handed over without a copy.",
    .tp_methods = column_methods,
};

/* A Column owning the vector's memory (the vector is left empty). */
static PyObject *column_from(U32Vec *vec) {
    Column *column = PyObject_New(Column, &ColumnType);
    if (!column) return NULL;
    column->data = vec->data ? vec->data : calloc(1, sizeof(uint32_t));
    column->offsets = NULL;
    column->format = "I";
    column->length = (Py_ssize_t)vec->len;
    vec->data = NULL;
    vec->len = vec->cap = 0;
    if (!column->data) {
        Py_DECREF(column);
        return PyErr_NoMemory();
    }
    return (PyObject *)column;
}

/* A Column of the texts (taking their memory over), or None when they were not kept. */
static PyObject *texts_column(Texts *texts, int kept) {
    if (!kept) Py_RETURN_NONE;
    Column *column = PyObject_New(Column, &ColumnType);
    if (!column) {
        free(texts->bytes);
        free(texts->offsets);
        return NULL;
    }
    column->data = texts->bytes;
    column->offsets = texts->offsets;
    column->format = texts->large ? "U" : "u";
    column->length = (Py_ssize_t)texts->count;
    texts->bytes = texts->offsets = NULL;
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

static PyObject *texts_from(const Scan *scan, const unsigned char *data) {
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
        PyErr_Format(PyExc_ValueError, "give between 1 and %d kind words", MAX_KIND_WORDS);
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyTuple_GET_ITEM(sequence, i);
        if (!PyBytes_Check(word) || PyBytes_GET_SIZE(word) < 1) {
            PyErr_SetString(PyExc_TypeError, "each kind word must be non-empty bytes");
            return -1;
        }
        kind_words_add(kinds, (const unsigned char *)PyBytes_AS_STRING(word),
                       (size_t)PyBytes_GET_SIZE(word));
    }
    return 0;
}

/* One list of words from a tuple of bytes (the tuple keeps them alive). */
static int word_list_from(PyObject *sequence, WordList *list) {
    if (!PyTuple_Check(sequence)) {
        PyErr_SetString(PyExc_TypeError, "header words must be tuples of bytes");
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sequence); i++) {
        PyObject *word = PyTuple_GET_ITEM(sequence, i);
        if (!PyBytes_Check(word) || PyBytes_GET_SIZE(word) < 1) {
            PyErr_SetString(PyExc_TypeError, "each header word must be non-empty bytes");
            return -1;
        }
        if (word_list_add(list, (const unsigned char *)PyBytes_AS_STRING(word),
                          (size_t)PyBytes_GET_SIZE(word)) < 0) {
            PyErr_SetString(PyExc_ValueError, "give at most 64 header words of each kind");
            return -1;
        }
    }
    return 0;
}

/* The header words from (between, periods), two tuples of bytes (whatsapp_header.scan_words). */
static int header_words_from(PyObject *pair, HeaderWords *words) {
    memset(words, 0, sizeof(HeaderWords));
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        PyErr_SetString(PyExc_TypeError, "header words must be a pair (between, periods)");
        return -1;
    }
    if (word_list_from(PyTuple_GET_ITEM(pair, 0), &words->between) < 0) return -1;
    return word_list_from(PyTuple_GET_ITEM(pair, 1), &words->periods);
}

static PyObject *scan_export(PyObject *module, PyObject *args) {
    Py_buffer buffer;
    PyObject *words, *header_pair;
    int keep_texts = 0;
    if (!PyArg_ParseTuple(args, "y*OO!|p", &buffer, &words, &PyTuple_Type, &header_pair,
                          &keep_texts))
        return NULL;
    PyObject *held = PySequence_Tuple(words); /* keeps the words alive while the GIL is let go */
    KindWords *kinds = calloc(1, sizeof(KindWords)); /* too big for the stack */
    HeaderWords header_words;
    if (!kinds) PyErr_NoMemory();
    if (!held || !kinds || kind_words_from(held, kinds) < 0 ||
        header_words_from(header_pair, &header_words) < 0) {
        Py_XDECREF(held);
        free(kinds);
        PyBuffer_Release(&buffer);
        return NULL;
    }
    Py_INCREF(header_pair); /* and the header words */
    Scan scan;
    scan_init(&scan);
    scan.keep_texts = keep_texts;
    Texts texts = {0};
    const unsigned char *data = buffer.buf;
    size_t size = (size_t)buffer.len;
    int outcome;
    Py_BEGIN_ALLOW_THREADS
    outcome = run_scan(&scan, kinds, &header_words, data, size);
    if (outcome == TAKEN && keep_texts) {
        /* The offsets are let go before the texts' columns are made: a smaller peak. */
        outcome = scan_texts(&scan, data, &texts) ? NO_MEMORY : TAKEN;
        free(scan.text_start.data);
        free(scan.text_end.data);
        memset(&scan.text_start, 0, sizeof(U32Vec));
        memset(&scan.text_end, 0, sizeof(U32Vec));
    }
    Py_END_ALLOW_THREADS
    PyObject *result = NULL;
    if (outcome == NO_MEMORY) {
        PyErr_NoMemory();
    } else if (outcome == NOT_TAKEN) {
        result = Py_NewRef(Py_None);
    } else {
        /* One at a time, in this order: the texts read the suspect rows the columns take. */
        PyObject *parts[14];
        parts[0] = column_from(&scan.date_id);
        parts[1] = column_from(&scan.time_id);
        parts[2] = column_from(&scan.sender_id);
        parts[3] = column_from(&scan.chars);
        parts[4] = column_from(&scan.words);
        parts[5] = strings_from(&scan.dates);
        parts[6] = strings_from(&scan.times);
        parts[7] = strings_from(&scan.senders);
        parts[8] = texts_from(&scan, data);
        parts[9] = column_from(&scan.suspect_row);
        parts[10] = column_from(&scan.suspect_line);
        parts[11] = column_from(&scan.suspect_flags);
        parts[12] = column_from(&scan.unplaced);
        parts[13] = texts_column(&texts, keep_texts);
        int complete = 1;
        for (int k = 0; k < 14; k++) complete = complete && parts[k] != NULL;
        if (complete) result = PyTuple_New(14);
        for (int k = 0; k < 14; k++) {
            if (result) PyTuple_SET_ITEM(result, k, parts[k]);
            else Py_XDECREF(parts[k]);
        }
    }
    scan_free(&scan);
    free(kinds);
    Py_DECREF(header_pair);
    Py_DECREF(held);
    PyBuffer_Release(&buffer);
    return result;
}

static PyObject *holds_kind_word_export(PyObject *module, PyObject *args) {
    Py_buffer buffer;
    PyObject *words;
    if (!PyArg_ParseTuple(args, "y*O", &buffer, &words)) return NULL;
    PyObject *held = PySequence_Tuple(words);
    KindWords *kinds = calloc(1, sizeof(KindWords));
    if (!kinds) PyErr_NoMemory();
    PyObject *result = NULL;
    if (held && kinds && kind_words_from(held, kinds) == 0)
        result = PyBool_FromLong(holds_kind_word(kinds, buffer.buf, (size_t)buffer.len));
    Py_XDECREF(held);
    free(kinds);
    PyBuffer_Release(&buffer);
    return result;
}

static PyObject *match_header_export(PyObject *module, PyObject *args) {
    const char *line;
    Py_ssize_t size;
    PyObject *header_pair;
    if (!PyArg_ParseTuple(args, "y#O!", &line, &size, &PyTuple_Type, &header_pair)) return NULL;
    HeaderWords words;
    if (header_words_from(header_pair, &words) < 0) return NULL;
    Header header;
    const unsigned char *start = (const unsigned char *)line;
    if (!match_header(start, start + size, &words, &header)) Py_RETURN_NONE;
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
     "scan(data, kind_words, header_words, keep_texts=False): the export's messages (and with "
     "keep_texts their texts), or None where the general parser must read it."},
    {"holds_kind_word", holds_kind_word_export, METH_VARARGS,
     "holds_kind_word(text, kind_words): whether the text holds one of the words."},
    {"match_header", match_header_export, METH_VARARGS,
     "match_header(line, header_words): (date_end, end) of a header line, or None."},
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
    scanner_setup();
    if (PyType_Ready(&ColumnType) < 0) return NULL;
    PyObject *module = PyModule_Create(&module_definition);
    if (!module) return NULL;
    if (PyModule_AddObjectRef(module, "Column", (PyObject *)&ColumnType) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
