/* lexicon.c — an open-addressing hash table of ids over strings kept in a
 * GStringChunk. Lookups hash the bytes where they lie, so counting a token
 * needs no copy and no allocation unless the string is new. */
#include "config.h"

#include "lexicon.h"

#include <string.h>

#include "prefetch.h"

typedef struct {
  const char *text;
  guint32 len;
  guint32 hash;
} Entry;

/* A slot is the string's hash and id + 1 (0: empty), eight bytes, so that
 * the table of a million terms takes 16 MB; a probe reads the entry and the
 * string only when the hashes agree. */
typedef struct {
  guint32 hash;
  guint32 id1;
} Slot;

struct _DlLexicon {
  GStringChunk *chunk;
  GArray *entries; /* of Entry, by id */
  Slot *slots;
  guint32 mask; /* slots - 1 (a power of two minus one) */
};

/* 32-bit FNV-1a over the bytes, mixed at the end: words are short, so a
 * byte loop is as fast as anything wider and needs no alignment care. */
static guint32
hash_bytes (const char *text, gsize len)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;
  return h;
}

DlLexicon *
dl_lexicon_new (void)
{
  DlLexicon *lex = g_new0 (DlLexicon, 1);
  lex->chunk = g_string_chunk_new (64 * 1024);
  lex->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  lex->mask = 1023;
  lex->slots = g_new0 (Slot, lex->mask + 1);
  return lex;
}

void
dl_lexicon_free (DlLexicon *lex)
{
  if (lex == NULL)
    return;
  g_string_chunk_free (lex->chunk);
  g_array_unref (lex->entries);
  g_free (lex->slots);
  g_free (lex);
}

/* The slot of @text, or the empty slot where it would go. */
static Slot *
find_slot (const DlLexicon *lex, const char *text, gsize len, guint32 hash)
{
  const Entry *entries = (const Entry *) (gpointer) lex->entries->data;
  for (guint32 i = hash & lex->mask;; i = (i + 1) & lex->mask)
    {
      Slot *s = &lex->slots[i];
      if (s->id1 == 0)
        return s;
      if (s->hash == hash)
        {
          const Entry *e = &entries[s->id1 - 1];
          if (e->len == len && memcmp (e->text, text, len) == 0)
            return s;
        }
    }
}

static void
grow (DlLexicon *lex)
{
  guint32 size = (lex->mask + 1) * 2;
  g_free (lex->slots);
  lex->slots = dl_new0_huge (sizeof (Slot), size);
  lex->mask = size - 1;
  const Entry *entries = (const Entry *) (gpointer) lex->entries->data;
  for (guint32 id = 0; id < lex->entries->len; id++)
    {
      guint32 i = entries[id].hash & lex->mask;
      while (lex->slots[i].id1 != 0)
        i = (i + 1) & lex->mask;
      lex->slots[i] = (Slot){ entries[id].hash, id + 1 };
    }
}

/* Adds @text (@len bytes, hashing to @hash) in the empty @slot. */
static guint32
add (DlLexicon *lex, Slot *slot, const char *text, gsize len, guint32 hash)
{
  Entry e = { g_string_chunk_insert_len (lex->chunk, text, (gssize) len), (guint32) len, hash };
  g_array_append_val (lex->entries, e);
  guint32 id = lex->entries->len - 1;
  *slot = (Slot){ hash, id + 1 };
  /* Keep the load under three quarters: probes stay short (they compare
   * hashes first), and the table stays small. */
  if ((guint64) lex->entries->len * 4 > (guint64) lex->mask * 3)
    grow (lex);
  return id;
}

static guint32
intern_hashed (DlLexicon *lex, const char *text, gsize len, guint32 hash, gboolean *added)
{
  g_return_val_if_fail (len < G_MAXUINT32, 0);
  g_return_val_if_fail (lex->entries->len < G_MAXUINT32 - 1, 0);
  Slot *slot = find_slot (lex, text, len, hash);
  gboolean found = slot->id1 != 0;
  if (added != NULL)
    *added = !found;
  return found ? slot->id1 - 1 : add (lex, slot, text, len, hash);
}

guint32
dl_lexicon_intern (DlLexicon *lex, const char *text, gsize len, gboolean *added)
{
  return intern_hashed (lex, text, len, hash_bytes (text, len), added);
}

void
dl_lexicon_prefetch (const DlLexicon *lex, DlLexiconKey *keys, guint n)
{
  const Entry *entries = (const Entry *) (gpointer) lex->entries->data;
  for (guint i = 0; i < n; i++)
    {
      keys[i].hash = hash_bytes (keys[i].text, keys[i].len);
      DL_PREFETCH (&lex->slots[keys[i].hash & lex->mask]);
    }
  /* The string in the home slot, if it may be the one: the loads of the
   * loop do not wait on each other. */
  for (guint i = 0; i < n; i++)
    {
      const Slot *s = &lex->slots[keys[i].hash & lex->mask];
      if (s->id1 != 0 && s->hash == keys[i].hash)
        DL_PREFETCH (&entries[s->id1 - 1]);
    }
  for (guint i = 0; i < n; i++)
    {
      const Slot *s = &lex->slots[keys[i].hash & lex->mask];
      if (s->id1 != 0 && s->hash == keys[i].hash)
        DL_PREFETCH (entries[s->id1 - 1].text);
    }
}

guint32
dl_lexicon_intern_key (DlLexicon *lex, const DlLexiconKey *key, gboolean *added)
{
  return intern_hashed (lex, key->text, key->len, key->hash, added);
}

gboolean
dl_lexicon_lookup (const DlLexicon *lex, const char *text, gsize len, guint32 *id)
{
  const Slot *slot = find_slot (lex, text, len, hash_bytes (text, len));
  if (slot->id1 == 0)
    return FALSE;
  if (id != NULL)
    *id = slot->id1 - 1;
  return TRUE;
}

const char *
dl_lexicon_string (const DlLexicon *lex, guint32 id)
{
  g_return_val_if_fail (id < lex->entries->len, NULL);
  return g_array_index (lex->entries, Entry, id).text;
}

gsize
dl_lexicon_length (const DlLexicon *lex, guint32 id)
{
  g_return_val_if_fail (id < lex->entries->len, 0);
  return g_array_index (lex->entries, Entry, id).len;
}

void
dl_lexicon_reserve (DlLexicon *lex, guint32 n)
{
  dl_array_reserve (lex->entries, n, sizeof (Entry));
}

guint32
dl_lexicon_size (const DlLexicon *lex)
{
  return lex->entries->len;
}
