/* varint.h — the bytes of derlem's binary files (index.c, counter.c's
 * saved counts, partial.c): LEB128 variable-length integers, zigzag for
 * signed ones, strings as a length and their bytes; read back through a
 * cursor that checks every length, so that no damaged file is read beyond
 * its end; fixed-width little-endian numbers and CRC-32s of the frames. */
#ifndef DL_VARINT_H
#define DL_VARINT_H

#include <glib.h>
#include <string.h>
#include <zlib.h>

G_BEGIN_DECLS

/* The CRC-32 (zlib's) of @len bytes at @data. */
static inline guint32
dl_crc32 (const void *data, gsize len)
{
  uLong crc = crc32 (0L, Z_NULL, 0);
  const guint8 *p = data;
  while (len > 0)
    {
      uInt n = len > G_MAXUINT32 / 2 ? G_MAXUINT32 / 2 : (uInt) len;
      crc = crc32 (crc, p, n);
      p += n;
      len -= n;
    }
  return (guint32) crc;
}

/* Writes @v as @n bytes at @p, least significant first. */
static inline void
dl_put_le (guint8 *p, guint64 v, guint n)
{
  for (guint i = 0; i < n; i++)
    p[i] = (guint8) (v >> (8 * i));
}

/* Reads @n bytes at @p, least significant first. */
static inline guint64
dl_get_le (const guint8 *p, guint n)
{
  guint64 v = 0;
  for (guint i = n; i-- > 0;)
    v = (v << 8) | p[i];
  return v;
}

/* The most bytes a varint takes. */
#define DL_VARINT_MAX 10

/* Writes @v at @p (room for DL_VARINT_MAX bytes): where it ends. */
static inline guint8 *
dl_varint_encode (guint8 *p, guint64 v)
{
  while (v >= 0x80)
    {
      *p++ = (guint8) (v | 0x80);
      v >>= 7;
    }
  *p++ = (guint8) v;
  return p;
}

static inline void
dl_put_varint (GByteArray *b, guint64 v)
{
  guint8 buf[DL_VARINT_MAX];
  g_byte_array_append (b, buf, (guint) (dl_varint_encode (buf, v) - buf));
}

/* Room for @n bytes at the end of @b, written in place (many varints at
 * once): where they begin. dl_put_end then says where they ended. */
static inline guint8 *
dl_put_room (GByteArray *b, gsize n)
{
  guint len = b->len;
  g_byte_array_set_size (b, (guint) (len + n));
  return b->data + len;
}

static inline void
dl_put_end (GByteArray *b, const guint8 *end)
{
  g_byte_array_set_size (b, (guint) (end - b->data));
}

static inline void
dl_put_zigzag (GByteArray *b, gint64 v)
{
  dl_put_varint (b, ((guint64) v << 1) ^ (v < 0 ? G_MAXUINT64 : 0));
}

static inline void
dl_put_string (GByteArray *b, const char *s)
{
  gsize len = s != NULL ? strlen (s) : 0;
  dl_put_varint (b, len);
  g_byte_array_append (b, (const guint8 *) s, (guint) len);
}

/* Bytes read with every length checked: a read past the end sets @bad and
 * gives zeros from then on. */
typedef struct {
  const guint8 *p, *end;
  gboolean bad;
} DlCursor;

/* A cursor over @len bytes at @data; @data may be NULL when @len is 0 (an
 * empty GByteArray's), which pointer arithmetic must not touch. */
static inline DlCursor
dl_cursor_of (const guint8 *data, gsize len)
{
  DlCursor c = { data, data != NULL ? data + len : data, FALSE };
  return c;
}

static inline guint64
dl_get_varint (DlCursor *c)
{
  guint64 v = 0;
  for (guint shift = 0; shift < 64; shift += 7)
    {
      if (c->p >= c->end)
        break;
      guint8 byte = *c->p++;
      v |= (guint64) (byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return v;
    }
  c->bad = TRUE;
  c->p = c->end;
  return 0;
}

static inline gint64
dl_get_zigzag (DlCursor *c)
{
  guint64 v = dl_get_varint (c);
  return (gint64) (v >> 1) ^ -(gint64) (v & 1);
}

/* @len bytes, or NULL (and bad) if fewer are left. */
static inline const guint8 *
dl_get_bytes (DlCursor *c, guint64 len)
{
  if (c->bad || len > (guint64) (c->end - c->p))
    {
      c->bad = TRUE;
      c->p = c->end;
      return NULL;
    }
  const guint8 *at = c->p;
  c->p += len;
  return at;
}

/* A string with no NUL, newly allocated; NULL if bad. */
static inline char *
dl_get_string (DlCursor *c)
{
  guint64 len = dl_get_varint (c);
  const guint8 *s = dl_get_bytes (c, len);
  if (s == NULL || memchr (s, '\0', len) != NULL)
    {
      c->bad = TRUE;
      return NULL;
    }
  return g_strndup ((const char *) s, len);
}

G_END_DECLS

#endif /* DL_VARINT_H */
