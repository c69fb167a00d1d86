/* concord.c — the KWIC engine: every line is tokenized and its tokens given
 * to the matcher (query.h); a match waits in a short queue until the lines
 * after it hold its right context, then comes out with its context cut from
 * the few lines kept behind.
 *
 * With the prefilter (prefilter.h), only the lines around a candidate (a
 * line that can hold a hit) are tokenized and matched: a region starts
 * far enough before a candidate for a phrase that starts earlier and for
 * the context before it, and ends once no hit waits and no phrase can
 * reach on. The lines read since the last region wait untokenized; those
 * no candidate to come could need are dropped. Hits and their contexts are
 * then those of the full pass: a hit is a function of the text around it
 * alone (the tokens of a line, its columns), never of where reading
 * began, and a region holds all of that text. */
#include "config.h"

#include "concord.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <zstd.h>

#include "decode.h"
#include "error.h"
#include "hitblocks.h"
#include "number.h"
#include "i18n.h"
#include "prefilter.h"
#include "printable.h"
#include "textwidth.h"
#include "stream.h"

/* Columns read beyond --width on each side when --sentence looks for the
 * sentence's boundaries (ICU looks at the text around a full stop). */
#define SENTENCE_MARGIN 40

/* Lines read ahead of a region (the prefilter) before they are dropped
 * for good: at least this many, or twice what was left the last time. */
#define RAW_LINES 64

/* A block's lines the prefilter takes before the block's tokens say
 * whether they hold the word (concord's by_tokens); the tests take none
 * (DERLEM_TOKENS_AFTER=0), their blocks being a line or two. */
#define TEXT_CANDIDATES 16

typedef struct {
  char *text; /* a copy of the line */
  gsize len, cap;
  guint64 number, offset;
  const char *encoding;
  DlLang lang;
  guint64 first; /* index in the input of its first token */
  guint n;       /* its tokens */
  DlStreamToken *tokens;
  gboolean has_tokens; /* tokens and n are known (always, once matched) */
  gboolean icu_start;  /* DlStreamLine.icu_start (a sentence ended before) */
  gboolean candidate;  /* the prefilter says it may hold a hit */
  gssize cols;         /* columns it takes once shown, or -1: not counted yet */
} Line;

typedef struct {
  guint query;
  guint64 g0, g1; /* first and last token of the node */
} Pending;

struct _DlConcord {
  DlConcordOptions opts;
  DlMatcher *matcher;
  DlStream *stream;
  UBreakIterator *sentences;
  UText *ut;
  guint max_len;   /* tokens of the longest query */
  GQueue lines;    /* Line*, oldest first */
  GArray *pending; /* Pending, in output order */
  guint64 total;   /* tokens read from the input (since the region began) */
  GString *left, *node, *right, *tmp, *forms[DL_CONCORD_FORMS];

  /* With the prefilter. */
  DlPrefilter *prefilter; /* NULL: every line is matched */
  const char *path;       /* the input's */
  GPtrArray *raw;         /* Line*: read since the last line matched, not matched */
  guint raw_limit;        /* raw's length that makes it trimmed */
  GPtrArray *spare;       /* Line*: freed ones, their buffers kept */
  gboolean active;        /* in a region: lines are matched as they come */
  /* The kept lines, pending hits and matcher run on to raw's first line:
   * giving them raw's lines is what a full pass does. */
  gboolean continuous;
  guint64 since; /* tokens matched after the last candidate */

  /* An index's input read in part (hitblocks.h): the blocks to read. */
  GArray *ranges;        /* guint64 pairs */
  DlIndexWords *words;   /* dl_hit_blocks's, kept from one input to the next */
  gboolean index_total;  /* its tokens were counted from the index */
  gboolean context_only; /* a line not a candidate is matched untokenized */
  /* When the index keeps its blocks' tokens and every match holds one of
   * the words of @anchors (hitblocks.h): past a block's first
   * text_candidates candidates by their text, a candidate must also hold
   * one, which the tokens of their block say (holds_anchor). */
  GArray *anchors; /* DlIndexMark */
  gboolean by_tokens;
  guint64 candidates_block; /* the block of the last candidate by its text */
  guint candidates;         /* and how many of its lines were */
  guint text_candidates;    /* TEXT_CANDIDATES */
  const DlInput *input;
  GArray *wanted[DL_LANG_COUNT]; /* guint32: the anchors' numbers, rising */
  DlIndexTokens tokens;          /* of block tokens_block */
  guint64 tokens_block;          /* G_MAXUINT64: none */
  GByteArray *tokens_frame;
  ZSTD_DCtx *dctx;
};

static void
line_free (gpointer p)
{
  Line *l = p;
  g_free (l->text);
  g_free (l->tokens);
  g_free (l);
}

/* Puts @line among the spare ones (or frees it). */
static void
line_recycle (DlConcord *c, Line *line)
{
  if (c->spare->len >= RAW_LINES)
    {
      line_free (line);
      return;
    }
  g_clear_pointer (&line->tokens, g_free);
  g_ptr_array_add (c->spare, line);
}

void
dl_concord_free (DlConcord *c)
{
  if (c == NULL)
    return;
  dl_matcher_free (c->matcher);
  dl_stream_free (c->stream);
  if (c->sentences != NULL)
    ubrk_close (c->sentences);
  if (c->ut != NULL)
    utext_close (c->ut);
  g_queue_clear_full (&c->lines, line_free);
  for (guint i = 0; c->raw != NULL && i < c->raw->len; i++)
    line_free (c->raw->pdata[i]);
  for (guint i = 0; c->spare != NULL && i < c->spare->len; i++)
    line_free (c->spare->pdata[i]);
  if (c->raw != NULL)
    g_ptr_array_free (c->raw, TRUE);
  if (c->spare != NULL)
    g_ptr_array_free (c->spare, TRUE);
  dl_prefilter_free (c->prefilter);
  g_array_free (c->pending, TRUE);
  g_array_unref (c->ranges);
  dl_index_words_free (c->words);
  g_array_unref (c->anchors);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_unref (c->wanted[l]);
  dl_index_tokens_clear (&c->tokens);
  g_byte_array_unref (c->tokens_frame);
  ZSTD_freeDCtx (c->dctx);
  g_string_free (c->left, TRUE);
  g_string_free (c->node, TRUE);
  g_string_free (c->right, TRUE);
  g_string_free (c->tmp, TRUE);
  for (int i = 0; i < DL_CONCORD_FORMS; i++)
    g_string_free (c->forms[i], TRUE);
  g_free (c);
}

DlConcord *
dl_concord_new (DlQuery *const *queries, guint n, const DlQueryOptions *query_options,
                const DlConcordOptions *options, GError **error)
{
  g_autoptr (DlConcord) c = g_new0 (DlConcord, 1);
  c->opts = *options;
  g_queue_init (&c->lines);
  /* Without a free function: their lines move from one to the other. */
  c->raw = g_ptr_array_new ();
  c->spare = g_ptr_array_new ();
  c->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  c->ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  c->anchors = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
  for (int l = 0; l < DL_LANG_COUNT; l++)
    c->wanted[l] = g_array_new (FALSE, FALSE, sizeof (guint32));
  dl_index_tokens_init (&c->tokens);
  c->tokens_frame = g_byte_array_new ();
  c->text_candidates
      = (guint) dl_env_number ("DERLEM_TOKENS_AFTER", TEXT_CANDIDATES, TEXT_CANDIDATES);
  c->left = g_string_new (NULL);
  c->node = g_string_new (NULL);
  c->right = g_string_new (NULL);
  c->tmp = g_string_new (NULL);
  for (int i = 0; i < DL_CONCORD_FORMS; i++)
    c->forms[i] = g_string_new (NULL);
  for (guint q = 0; q < n; q++)
    c->max_len = MAX (c->max_len, dl_query_max_tokens (queries[q]));
  /* Every line is tokenized: a phrase or a context runs across languages;
   * the counted kinds are those of the totals. */
  DlStreamOptions so = { .sentences = FALSE };
  for (int l = 0; l < DL_LANG_COUNT; l++)
    so.langs[l] = TRUE;
  so.kinds[DL_TOKEN_WORD] = TRUE;
  so.kinds[DL_TOKEN_NUMBER] = options->count_numbers;
  if ((c->matcher = dl_matcher_new (queries, n, query_options, error)) == NULL)
    return NULL;
  /* CQL's within s: where the VRT export's sentences end. */
  so.sentences = dl_matcher_within (c->matcher, DL_CQL_WITHIN_SENTENCE);
  /* A sentence's start depends on the line before it, which the
   * prefilter's pass may not tokenize: with within s, every line. */
  if (options->prefilter && !so.sentences)
    {
      /* NULL without an error: some query needs every line. */
      g_autoptr (GError) local = NULL;
      c->prefilter = dl_prefilter_new (queries, n, query_options, c->matcher, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  /* A line no hit lies on is matched untokenized when a hit is one token
   * and its contexts are columns (tokens_to_match). */
  gboolean cql = FALSE;
  for (guint q = 0; q < dl_matcher_n_queries (c->matcher); q++)
    cql = cql || dl_matcher_query_cql (c->matcher, q) != NULL;
  c->context_only = c->prefilter != NULL && c->max_len == 1 && !cql && options->words == 0
                    && !options->forms && !options->sentence;
  /* Tokens prepared by the workers of a file read in parts would be
   * copied for every line; with the prefilter and no counts, few lines
   * are tokenized, here. */
  so.lazy = c->prefilter != NULL && options->no_token_counts;
  if ((c->stream = dl_stream_new (&so, error)) == NULL)
    return NULL;
  if (options->sentence)
    {
      UErrorCode st = U_ZERO_ERROR;
      c->sentences = ubrk_open (UBRK_SENTENCE, "en", NULL, 0, &st);
      if (U_FAILURE (st))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_ICU, _ ("ICU sentence breaks: %s"),
                       u_errorName (st));
          return NULL;
        }
    }
  return g_steal_pointer (&c);
}

/* Columns of context to read on each side with --width: more than shown
 * when --sentence needs text around the boundaries. */
static guint
width_budget (const DlConcord *c)
{
  return c->opts.width + (c->opts.sentence ? SENTENCE_MARGIN : 0);
}

/* The link of the kept line that holds token @g, or NULL. */
static GList *
find_line (DlConcord *c, guint64 g)
{
  for (GList *l = c->lines.tail; l != NULL; l = l->prev)
    {
      const Line *line = l->data;
      if (g >= line->first && g < line->first + line->n)
        return l;
      if (line->first + line->n <= g && line->n > 0)
        return NULL;
    }
  return NULL;
}

static const DlStreamToken *
token_of (GList *link, guint64 g)
{
  const Line *line = link->data;
  return &line->tokens[g - line->first];
}

/* Columns a character takes once shown (control characters become spaces). */
static guint
shown_width (gunichar ch)
{
  return ch < 0x20 || (ch >= 0x7f && ch < 0xa0) ? 1 : dl_char_width (ch);
}

/* Drops characters of width 0 from the start of @s: marks whose base was
 * cut off. */
static void
drop_orphan_marks (GString *s)
{
  gsize i = 0;
  while (i < s->len && dl_char_width (g_utf8_get_char (s->str + i)) == 0)
    i += (gsize) (g_utf8_next_char (s->str + i) - (s->str + i));
  g_string_erase (s, 0, (gssize) i);
}

/* Keeps the last @cols columns of @s (shown text). */
static void
keep_tail (GString *s, guint cols)
{
  const char *p = s->str + s->len;
  guint used = 0;
  while (p > s->str)
    {
      const char *q = g_utf8_prev_char (p);
      guint w = dl_char_width (g_utf8_get_char (q));
      if (used + w > cols)
        break;
      used += w;
      p = q;
    }
  g_string_erase (s, 0, p - s->str);
  drop_orphan_marks (s);
}

/* Keeps the first @cols columns of @s (shown text), and the marks on the
 * last character kept. */
static void
keep_head (GString *s, guint cols)
{
  const char *p = s->str, *end = s->str + s->len;
  guint used = 0;
  while (p < end)
    {
      guint w = dl_char_width (g_utf8_get_char (p));
      if (used + w > cols)
        break;
      used += w;
      p = g_utf8_next_char (p);
    }
  g_string_truncate (s, (gsize) (p - s->str));
}

/* Sets @out to the text from byte @from of the line at @a to byte @to of
 * the line at @b (a line break is a space). */
static void
span_text (GList *a, gsize from, GList *b, gsize to, GString *out)
{
  g_string_truncate (out, 0);
  for (GList *l = a;; l = l->next)
    {
      const Line *line = l->data;
      gsize start = l == a ? from : 0, end = l == b ? to : line->len;
      dl_printable_append_text (out, line->text + start, end - start, "");
      if (l == b)
        break;
      g_string_append_c (out, ' ');
    }
}

/* Sets @out to at most @budget columns of the text before byte @off of the
 * line at @link, across the lines kept before it (a line break is a
 * space): walks back to where the context starts, then copies. */
static void
left_by_width (GList *link, gsize off, guint budget, GString *out)
{
  GList *from = link;
  const Line *line = link->data;
  const char *p = line->text + off;
  guint used = 0;
  for (;;)
    {
      while (p > line->text)
        {
          const char *q = g_utf8_prev_char (p);
          guint w = shown_width (g_utf8_get_char (q));
          if (used + w > budget)
            break;
          used += w;
          p = q;
        }
      /* The line break before this line is a space, if it fits. */
      if (p > line->text || from->prev == NULL || used + 1 > budget)
        break;
      used++;
      from = from->prev;
      line = from->data;
      p = line->text + line->len;
    }
  span_text (from, (gsize) (p - line->text), link, off, out);
  drop_orphan_marks (out);
}

/* Sets @out (unless NULL) to at most @budget columns of the text after byte
 * @off of the line at @link, across the lines kept after it. TRUE if the
 * budget was filled, FALSE if the kept lines ran out first. */
static gboolean
right_by_width (GList *link, gsize off, guint budget, GString *out)
{
  guint used = 0;
  const Line *line = link->data;
  const char *p = line->text + off;
  if (out != NULL)
    g_string_truncate (out, 0);
  for (;;)
    {
      const char *end = line->text + line->len, *q = p;
      while (q < end)
        {
          guint w = shown_width (g_utf8_get_char (q));
          if (used + w > budget)
            break;
          used += w;
          q = g_utf8_next_char (q);
        }
      if (out != NULL)
        dl_printable_append_text (out, p, (gsize) (q - p), "");
      if (q < end || used >= budget)
        return TRUE;
      link = link->next;
      if (link == NULL)
        return FALSE;
      used++;
      if (out != NULL)
        g_string_append_c (out, ' ');
      line = link->data;
      p = line->text;
    }
}

/* Cuts c->left and c->right at the boundaries of the sentence of c->node. */
static void
clip_to_sentence (DlConcord *c)
{
  GString *s = c->tmp;
  g_string_assign (s, c->left->str);
  g_string_append_len (s, c->node->str, (gssize) c->node->len);
  g_string_append_len (s, c->right->str, (gssize) c->right->len);
  UErrorCode st = U_ZERO_ERROR;
  c->ut = utext_openUTF8 (c->ut, s->str, (int64_t) s->len, &st);
  ubrk_setUText (c->sentences, c->ut, &st);
  if (U_FAILURE (st))
    return; /* context uncut rather than no hit */
  int32_t ll = (int32_t) c->left->len, ne = ll + (int32_t) c->node->len;
  int32_t b = ubrk_preceding (c->sentences, ll + 1);
  if (b != UBRK_DONE && b > 0)
    g_string_erase (c->left, 0, MIN (b, ll));
  int32_t e = ubrk_isBoundary (c->sentences, ne) ? ne : ubrk_following (c->sentences, ne);
  if (e != UBRK_DONE && e >= ne)
    g_string_truncate (c->right, (gsize) (e - ne));
  while (c->right->len > 0 && g_ascii_isspace (c->right->str[c->right->len - 1]))
    g_string_truncate (c->right, c->right->len - 1);
}

/* Sets @out to the normalized form of token @g, or "" if the input has
 * none there. */
static void
token_form (DlConcord *c, gint64 g, GString *out)
{
  g_string_truncate (out, 0);
  if (g < 0 || (guint64) g >= c->total)
    return;
  GList *link = find_line (c, (guint64) g);
  if (link == NULL)
    return;
  const Line *line = link->data;
  const DlStreamToken *t = token_of (link, (guint64) g);
  dl_matcher_form (c->matcher, line->lang, line->text + t->offset, t->len, out);
}

static void
give_hit (DlConcord *c, const Pending *p, DlConcordFunc func, gpointer user_data)
{
  GList *la = find_line (c, p->g0), *lb = find_line (c, p->g1);
  g_return_if_fail (la != NULL && lb != NULL);
  const Line *a = la->data;
  const DlStreamToken *ta = token_of (la, p->g0), *tb = token_of (lb, p->g1);
  gsize end = tb->offset + tb->len;
  span_text (la, ta->offset, lb, end, c->node);

  guint words = c->opts.words;
  if (words > 0)
    {
      guint64 first = p->g0 >= words ? p->g0 - words : 0;
      guint64 last = MIN (p->g1 + words, c->total - 1);
      GList *lf = find_line (c, first), *ll = find_line (c, last);
      g_string_truncate (c->left, 0);
      g_string_truncate (c->right, 0);
      if (first < p->g0 && lf != NULL)
        span_text (lf, token_of (lf, first)->offset, la, ta->offset, c->left);
      if (last > p->g1 && ll != NULL)
        span_text (lb, end, ll, token_of (ll, last)->offset + token_of (ll, last)->len, c->right);
      if (c->opts.sentence)
        clip_to_sentence (c);
    }
  else
    {
      left_by_width (la, ta->offset, width_budget (c), c->left);
      right_by_width (lb, end, width_budget (c), c->right);
      if (c->opts.sentence)
        {
          clip_to_sentence (c);
          keep_tail (c->left, c->opts.width);
          keep_head (c->right, c->opts.width);
        }
    }

  guint64 position = a->offset + dl_decode_source_length (a->encoding, a->text, ta->offset);
  DlConcordHit hit = { a->lang,      p->query,     a->number,     position,
                       c->left->str, c->node->str, c->right->str, { NULL } };
  if (c->opts.forms)
    {
      for (int k = 0; k < 3; k++)
        {
          token_form (c, (gint64) p->g0 - 3 + k, c->forms[k]);
          token_form (c, (gint64) p->g1 + 1 + k, c->forms[DL_CONCORD_NODE + 1 + k]);
        }
      GString *node = c->forms[DL_CONCORD_NODE];
      g_string_truncate (node, 0);
      for (guint64 g = p->g0; g <= p->g1; g++)
        {
          token_form (c, (gint64) g, c->tmp);
          if (g > p->g0)
            g_string_append_c (node, ' ');
          g_string_append_len (node, c->tmp->str, (gssize) c->tmp->len);
        }
      for (int k = 0; k < DL_CONCORD_FORMS; k++)
        hit.forms[k] = c->forms[k]->str;
    }
  func (&hit, user_data);
}

/* Whether the lines read so far hold everything @p needs: all the matches
 * that start before it, and its right context. */
static gboolean
is_ready (DlConcord *c, const Pending *p)
{
  if (c->total == 0 || p->g0 + c->max_len - 1 > c->total - 1)
    return FALSE;
  guint right_tokens = MAX (c->opts.words, c->opts.forms ? 3u : 0u);
  if (p->g1 + right_tokens > c->total - 1)
    return FALSE;
  if (c->opts.words > 0)
    return TRUE;
  GList *lb = find_line (c, p->g1);
  const DlStreamToken *tb = token_of (lb, p->g1);
  return right_by_width (lb, tb->offset + tb->len, width_budget (c), NULL);
}

/* Gives the hits that are ready (all of them at the end of the input). */
static void
flush_hits (DlConcord *c, gboolean at_end, DlConcordFunc func, gpointer user_data)
{
  guint done = 0;
  while (done < c->pending->len
         && (at_end || is_ready (c, &g_array_index (c->pending, Pending, done))))
    give_hit (c, &g_array_index (c->pending, Pending, done++), func, user_data);
  g_array_remove_range (c->pending, 0, done);
}

/* Drops the oldest lines that no hit, waiting or to come, needs for its
 * node or left context. */
static void
trim_lines (DlConcord *c)
{
  guint64 anchor = c->total >= c->max_len - 1 ? c->total - (c->max_len - 1) : 0;
  if (c->pending->len > 0)
    anchor = MIN (anchor, g_array_index (c->pending, Pending, 0).g0);
  gsize need_cols = c->opts.words > 0 ? 0 : width_budget (c) + 1;
  guint64 need_tokens = MAX (c->opts.words, c->opts.forms ? 3u : 0u);

  /* What the lines after the oldest, wholly before the anchor, hold:
   * columns, not characters, which marks of width 0 would outnumber. */
  gsize cols = 0;
  guint64 tokens = 0;
  GList *l = c->lines.head != NULL ? c->lines.head->next : NULL;
  for (; l != NULL; l = l->next)
    {
      const Line *line = l->data;
      if (line->first + line->n > anchor)
        break;
      cols += (gsize) line->cols + 1;
      tokens += line->n;
    }
  while (c->lines.length > 1)
    {
      const Line *front = c->lines.head->data;
      const Line *next = c->lines.head->next->data;
      if (front->first + front->n > anchor || cols < need_cols || tokens < need_tokens)
        break;
      line_recycle (c, g_queue_pop_head (&c->lines));
      if (next->first + next->n > anchor)
        break;
      cols -= (gsize) next->cols + 1;
      tokens -= next->n;
    }
}

/* Adds a match of query @q on tokens @g0..@g1, unless the same tokens
 * matched an earlier query; keeps the queue in corpus order. */
static gboolean
add_pending (DlConcord *c, guint q, guint64 g0, guint64 g1)
{
  guint pos = c->pending->len;
  while (pos > 0)
    {
      const Pending *o = &g_array_index (c->pending, Pending, pos - 1);
      if (o->g0 == g0 && o->g1 == g1)
        return FALSE;
      if (o->g0 < g0 || (o->g0 == g0 && o->query < q))
        break;
      pos--;
    }
  Pending p = { q, g0, g1 };
  g_array_insert_val (c->pending, pos, p);
  return TRUE;
}

/* The columns @text (@len bytes) takes once shown, as left_by_width
 * counts them. */
static gsize
count_cols (const char *text, gsize len)
{
  gsize n = 0;
  const guchar *p = (const guchar *) text, *end = p + len;
  while (p < end)
    {
      /* Every line is counted: runs of ASCII eight bytes at a time, and
       * the two-byte characters below U+0300 (Turkish letters among
       * them) without decoding, since all but the soft hyphen are one
       * column wide (shown_width). */
      guint64 eight;
      if (end - p >= 8
          && (memcpy (&eight, p, 8), (eight & G_GUINT64_CONSTANT (0x8080808080808080)) == 0))
        {
          n += 8;
          p += 8;
        }
      else if (*p < 0x80)
        {
          n++;
          p++;
        }
      else if (*p >= 0xc2 && *p <= 0xcb && end - p >= 2)
        {
          n += !(p[0] == 0xc2 && p[1] == 0xad);
          p += 2;
        }
      else
        {
          n += shown_width (g_utf8_get_char ((const char *) p));
          p = (const guchar *) g_utf8_next_char ((const char *) p);
        }
    }
  return n;
}

/* The columns of @line with --width (0 with --words), counted once. */
static gsize
line_cols (DlConcord *c, Line *line)
{
  if (line->cols < 0)
    line->cols = c->opts.words > 0 ? 0 : (gssize) count_cols (line->text, line->len);
  return (gsize) line->cols;
}

/* A copy of @sl (a spare line's buffers reused), with its tokens if
 * @has_tokens. */
static Line *
copy_line (DlConcord *c, const DlStreamLine *sl, gboolean has_tokens)
{
  Line *line = c->spare->len > 0 ? g_ptr_array_steal_index (c->spare, c->spare->len - 1) : NULL;
  if (line == NULL)
    line = g_new0 (Line, 1);
  /* The stream's lines are not NUL-terminated: copy len bytes only. */
  if (line->cap < sl->len + 1)
    {
      line->cap = MAX (sl->len + 1, 2 * line->cap);
      line->text = g_realloc (line->text, line->cap);
    }
  memcpy (line->text, sl->text, sl->len);
  line->text[sl->len] = '\0';
  line->len = sl->len;
  line->number = sl->number;
  line->offset = sl->offset;
  line->encoding = sl->encoding;
  line->lang = sl->lang;
  line->icu_start = sl->icu_start;
  line->first = 0;
  line->has_tokens = has_tokens;
  line->n = has_tokens ? sl->n_tokens : 0;
  line->tokens = has_tokens ? g_memdup2 (sl->tokens, sl->n_tokens * sizeof *sl->tokens) : NULL;
  line->candidate = FALSE;
  line->cols = -1;
  return line;
}

/* Tokenizes @line unless it has its tokens. FALSE with @error if ICU
 * fails. */
static gboolean
line_tokens (DlConcord *c, Line *line, GError **error)
{
  if (line->has_tokens)
    return TRUE;
  guint n;
  const DlStreamToken *t
      = dl_stream_tokenize (c->stream, line->lang, line->text, line->len, &n, error);
  if (t == NULL)
    return FALSE;
  line->tokens = g_memdup2 (t, n * sizeof *t);
  line->n = n;
  line->has_tokens = TRUE;
  return TRUE;
}

/* Tokenizes @line to match it, unless it only gives its text to the
 * contexts: a line no hit lies on (the prefilter's, or the blocks'
 * tokens', not a candidate) when every query is one token (no CQL) and
 * contexts are columns (no --words, no --forms): it is then matched as a
 * line of no token, which is all the matcher and the contexts see of it
 * (the columns are its text's). Most of the lines that spell a common
 * word are not candidates (over the 10 MB corpus, 72 % of the lines
 * that spell 've' have not the word), and the line after a hit is read
 * for its right context. FALSE with @error if tokenizing failed. */
static gboolean
tokens_to_match (DlConcord *c, Line *line, GError **error)
{
  if (!line->has_tokens && !line->candidate && c->context_only)
    {
      line->n = 0;
      line->has_tokens = TRUE;
      return TRUE;
    }
  return line_tokens (c, line, error);
}

/* Keeps @line (tokenized), the line after the kept ones, gives its tokens
 * to the matcher and queues its hits; counts its tokens if @count. */
static void
match_kept (DlConcord *c, Line *line, gboolean count, const DlDiag *diag, DlConcordStats *stats)
{
  line->first = c->total;
  line_cols (c, line);
  g_queue_push_tail (&c->lines, line);
  gboolean wanted = c->opts.langs[line->lang];
  gboolean regex_failed = FALSE;
  dl_matcher_line (c->matcher, line->lang, line->icu_start);
  for (guint i = 0; i < line->n; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      guint64 g = c->total++;
      if (t->any_start)
        dl_matcher_boundary (c->matcher, DL_CQL_WITHIN_SENTENCE);
      if (count && wanted && t->counts)
        stats->tokens[line->lang]++;
      const DlMatch *m;
      guint n_m;
      g_autoptr (GError) e = NULL;
      if (!dl_matcher_token (c->matcher, line->lang, line->text + t->offset, t->len, &m, &n_m,
                             regex_failed ? NULL : &e))
        {
          if (e != NULL)
            dl_diag_report (diag, DL_DIAG_ERROR, c->path, line->number, "%s", e->message);
          regex_failed = TRUE;
        }
      for (guint k = 0; k < n_m; k++)
        {
          guint64 g0 = g + 1 - m[k].length;
          GList *l0 = find_line (c, g0);
          DlLang lang = l0 != NULL ? ((const Line *) l0->data)->lang : line->lang;
          if (c->opts.langs[lang] && add_pending (c, m[k].query, g0, g))
            stats->hits[lang]++;
        }
    }
}

/* Matches @line as the full pass does every line: then gives the hits that
 * are ready and drops the lines no hit needs. */
static void
step (DlConcord *c, Line *line, gboolean count, const DlDiag *diag, DlConcordFunc func,
      gpointer user_data, DlConcordStats *stats)
{
  match_kept (c, line, count, diag, stats);
  flush_hits (c, FALSE, func, user_data);
  trim_lines (c);
}

/* ---- the prefilter's regions ---- */

/* Sets *@keep to the index of the oldest of the raw lines that a hit on a
 * line after them may need: the lines a phrase may start on (the query's
 * length - 1 tokens), and before those the left context (--words or the
 * forms' tokens, --width's columns, as trim_lines keeps them); their number
 * if none is needed.
 * *@met FALSE if the raw lines are not enough: then the lines kept before
 * them may be needed too. FALSE with @error if tokenizing failed. */
static gboolean
first_needed (DlConcord *c, gboolean *met, guint *keep, GError **error)
{
  guint64 reach = c->max_len - 1; /* tokens of a phrase before the candidate's */
  guint64 tokens = 0, need_tokens = MAX (c->opts.words, c->opts.forms ? 3u : 0u);
  gsize cols = 0, need_cols = c->opts.words > 0 ? 0 : width_budget (c) + 1;
  guint i = c->raw->len;
  for (; i > 0 && tokens < reach; i--)
    {
      Line *line = c->raw->pdata[i - 1];
      if (!line_tokens (c, line, error))
        return FALSE;
      tokens += line->n;
    }
  *met = tokens >= reach;
  tokens = 0;
  for (; *met && i > 0 && (tokens < need_tokens || cols < need_cols); i--)
    {
      Line *line = c->raw->pdata[i - 1];
      if (tokens < need_tokens && !line_tokens (c, line, error))
        return FALSE;
      tokens += line->n;
      cols += line_cols (c, line) + 1;
    }
  *met = *met && tokens >= need_tokens && cols >= need_cols;
  *keep = i;
  return TRUE;
}

/* Drops the raw lines before index @keep. */
static void
drop_raw (DlConcord *c, guint keep)
{
  for (guint i = 0; i < keep; i++)
    line_recycle (c, c->raw->pdata[i]);
  g_ptr_array_remove_range (c->raw, 0, keep);
}

/* Drops the raw lines no line to come can need, once there are many: the
 * state kept before them is then of no use either. */
static gboolean
trim_raw (DlConcord *c, GError **error)
{
  if (c->raw->len < c->raw_limit)
    return TRUE;
  gboolean met;
  guint keep;
  if (!first_needed (c, &met, &keep, error))
    return FALSE;
  if (met && keep > 0)
    {
      drop_raw (c, keep);
      c->continuous = FALSE;
      g_queue_clear_full (&c->lines, line_free);
    }
  c->raw_limit = MAX (RAW_LINES, 2 * c->raw->len);
  return TRUE;
}

/* Starts a region before the candidate that comes next: matches the raw
 * lines it needs, after what the kept state holds if they are not enough
 * (the state then runs on), else from a fresh state. */
static gboolean
start_region (DlConcord *c, const DlDiag *diag, DlConcordFunc func, gpointer user_data,
              DlConcordStats *stats, GError **error)
{
  gboolean met;
  guint keep;
  if (!first_needed (c, &met, &keep, error))
    return FALSE;
  /* trim_raw leaves what a candidate needs: not met means continuous. */
  g_assert (met || c->continuous);
  if (met)
    {
      g_assert (c->pending->len == 0);
      drop_raw (c, keep);
      g_queue_clear_full (&c->lines, line_free);
      dl_matcher_reset (c->matcher);
      c->total = 0;
    }
  c->continuous = TRUE;
  for (guint i = 0; i < c->raw->len; i++)
    {
      Line *line = c->raw->pdata[i];
      if (!tokens_to_match (c, line, error))
        {
          /* The lines before are the kept state's now. */
          g_ptr_array_remove_range (c->raw, 0, i);
          return FALSE;
        }
      step (c, line, FALSE, diag, func, user_data, stats);
    }
  g_ptr_array_set_size (c->raw, 0);
  c->raw_limit = RAW_LINES;
  c->active = TRUE;
  c->since = 0;
  return TRUE;
}

/* Whether line @sl of an index's input holds a token of an anchor, as
 * the tokens of its block say. FALSE with @error (DL_ERROR_INDEX) if they
 * are damaged. */
static gboolean
holds_anchor (DlConcord *c, const DlStreamLine *sl, gboolean *holds, GError **error)
{
  DlIndex *idx = c->input->index;
  guint i = c->input->entry;
  if (sl->block != c->tokens_block)
    {
      c->tokens_block = G_MAXUINT64;
      if (c->dctx == NULL)
        c->dctx = ZSTD_createDCtx ();
      if (sl->block < dl_index_input_blocks (idx, i)
          && !dl_index_block_tokens (idx, i, sl->block, c->dctx, c->tokens_frame, error))
        return FALSE;
      if (sl->block >= dl_index_input_blocks (idx, i)
          || !dl_index_tokens_decode (c->tokens_frame->data, c->tokens_frame->len, &c->tokens))
        return dl_index_damaged (error, dl_index_path (idx), _ ("bad tokens of a block"));
      c->tokens_block = sl->block;
    }
  const DlIndexTokens *t = &c->tokens;
  if (sl->at >= t->langs->len || g_array_index (t->langs, guint8, sl->at) != sl->lang)
    return dl_index_damaged (error, dl_index_path (idx), _ ("bad tokens of a block"));
  const GArray *wanted = c->wanted[sl->lang];
  guint32 from = g_array_index (t->starts, guint32, sl->at);
  guint32 to = g_array_index (t->starts, guint32, sl->at + 1);
  *holds = FALSE;
  for (guint32 k = from; !*holds && wanted->len > 0 && k < to; k++)
    *holds = bsearch (&g_array_index (t->words, guint32, k), wanted->data, wanted->len,
                      sizeof (guint32), dl_compare_u32)
             != NULL;
  return TRUE;
}

/* Takes the line @sl (with its tokens if @has_tokens) with the prefilter:
 * counts its tokens unless they are not wanted, then matches it in a
 * region, starting one for a candidate, or keeps it raw. FALSE with @error
 * if tokenizing failed or the index is damaged. */
static gboolean
prefilter_line (DlConcord *c, const DlStreamLine *sl, gboolean has_tokens, const DlDiag *diag,
                DlConcordFunc func, gpointer user_data, DlConcordStats *stats, GError **error)
{
  Line *line = copy_line (c, sl, has_tokens);
  line->candidate = c->prefilter == NULL || dl_prefilter_line (c->prefilter, line->text, line->len);
  /* Past a block's first few candidates, whether the line holds the word
   * and not only its letters, from the block's tokens: decoding them
   * costs what tokenizing a few dozen lines does. */
  if (line->candidate && c->by_tokens)
    {
      if (sl->block != c->candidates_block)
        {
          c->candidates_block = sl->block;
          c->candidates = 0;
        }
      if (++c->candidates > c->text_candidates && !holds_anchor (c, sl, &line->candidate, error))
        {
          line_free (line);
          return FALSE;
        }
    }
  if (!c->opts.no_token_counts && !c->index_total)
    {
      if (!line_tokens (c, line, error))
        {
          line_free (line);
          return FALSE;
        }
      for (guint i = 0; c->opts.langs[line->lang] && i < line->n; i++)
        stats->tokens[line->lang] += line->tokens[i].counts;
    }
  if (!c->active && !line->candidate)
    {
      g_ptr_array_add (c->raw, line);
      return trim_raw (c, error);
    }
  if (!c->active && !start_region (c, diag, func, user_data, stats, error))
    {
      line_free (line);
      return FALSE;
    }
  if (!tokens_to_match (c, line, error))
    {
      line_free (line);
      return FALSE;
    }
  c->since = line->candidate ? 0 : c->since + line->n;
  step (c, line, FALSE, diag, func, user_data, stats);
  /* No hit waits, and a phrase through the last candidate has ended. */
  if (c->pending->len == 0 && c->since >= c->max_len - 1)
    c->active = FALSE;
  return TRUE;
}

/* Starts again after lines skipped (an index's blocks that hold no hit):
 * as at the input's start, with nothing before. */
static void
after_gap (DlConcord *c, DlConcordFunc func, gpointer user_data)
{
  flush_hits (c, TRUE, func, user_data);
  g_queue_clear_full (&c->lines, line_free);
  drop_raw (c, c->raw->len);
  dl_matcher_reset (c->matcher);
  c->total = 0;
  c->active = FALSE;
  c->continuous = TRUE;
  c->raw_limit = RAW_LINES;
}

/* Tokenizes and matches every line read: of the input, or of the blocks
 * of an index's input that hold the hits when the stream finds sentences
 * (CQL's within s), which its lazy reading cannot; the tokens are
 * counted unless the index gave the totals. */
static gboolean
full_pass (DlConcord *c, const DlDiag *diag, DlConcordFunc func, gpointer user_data,
           DlConcordStats *stats, GError **error)
{
  const DlStreamLine *sl;
  while (dl_stream_next (c->stream, &sl, error))
    {
      if (sl == NULL)
        return TRUE;
      if (sl->gap)
        after_gap (c, func, user_data);
      step (c, copy_line (c, sl, TRUE), !c->index_total, diag, func, user_data, stats);
    }
  return FALSE;
}

/* Reads the input with the prefilter, or the blocks of an index's input
 * that hold the hits (every line of them a candidate without it). */
static gboolean
prefiltered_pass (DlConcord *c, const DlDiag *diag, DlConcordFunc func, gpointer user_data,
                  DlConcordStats *stats, GError **error)
{
  c->active = FALSE;
  c->continuous = TRUE;
  c->raw_limit = RAW_LINES;
  const DlStreamLine *sl;
  gboolean has_tokens;
  while (dl_stream_next_lazy (c->stream, &sl, &has_tokens, error))
    {
      if (sl == NULL)
        return TRUE;
      if (sl->gap)
        after_gap (c, func, user_data);
      if (!prefilter_line (c, sl, has_tokens, diag, func, user_data, stats, error))
        return FALSE;
    }
  return FALSE;
}

/* Reads only the blocks of an index's input that can hold a hit and
 * those around them with the context and phrases they need, when the
 * index can say which (hitblocks.h): *@restricted TRUE, and the input's
 * tokens, if wanted, counted into @stats from the blocks' counts. FALSE
 * with @error if the index is damaged. */
static gboolean
restrict_to_hits (DlConcord *c, const DlInput *input, const DlDocumentOptions *doc_options,
                  DlConcordStats *stats, gboolean *restricted, GError **error)
{
  c->index_total = FALSE;
  /* What trim_lines, first_needed and is_ready keep around a hit. */
  guint64 tokens = MAX (c->opts.words, c->opts.forms ? 3u : 0u);
  guint64 cols = c->opts.words > 0 ? 0 : width_budget (c) + 1;
  DlIndexNeed need = { .reach = c->max_len - 1, .tokens = tokens, .cols = cols };
  /* A hit's context is the lines around it up to the columns needed,
   * which its block may hold on either side (its candidates are the
   * prefilter's). Not with --sentence: a line's sentence start is passed
   * on from the lines before it, over lines without tokens. */
  const DlPrefilter *edges = c->opts.sentence ? NULL : c->prefilter;
  gboolean by_words = FALSE;
  if (!dl_hit_blocks_restrict (c->stream, input, doc_options, c->matcher, &need, edges, &c->words,
                               c->ranges, c->anchors, &by_words, restricted, error))
    return FALSE;
  /* The lines that can hold a hit, from the blocks' tokens if kept,
   * among those the prefilter takes: a hit of one token is on a line
   * that spells it and holds it (the prefilter's literal and the
   * anchor are then of one term; a phrase's may not be, and a hit
   * across lines may have one on each). */
  c->by_tokens = *restricted && by_words && c->prefilter != NULL && c->max_len == 1
                 && dl_index_input_has_tokens (input->index, input->entry);
  c->input = input;
  c->tokens_block = c->candidates_block = G_MAXUINT64;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_set_size (c->wanted[l], 0);
  for (guint k = 0; c->by_tokens && k < c->anchors->len; k++)
    {
      const DlIndexMark *a = &g_array_index (c->anchors, DlIndexMark, k);
      if (a->k > G_MAXUINT32)
        continue; /* no token's word */
      guint32 n = (guint32) a->k;
      g_array_append_val (c->wanted[a->lang], n);
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_sort (c->wanted[l], dl_compare_u32);
  if (*restricted && !c->opts.no_token_counts)
    {
      /* What the full pass counts: words, and numbers if they count, of
       * the lines of the languages wanted. */
      guint64 kinds[DL_LANG_COUNT][DL_TOKEN_KINDS];
      dl_index_input_tokens (input->index, input->entry, kinds);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        if (c->opts.langs[l])
          stats->tokens[l]
              += kinds[l][DL_TOKEN_WORD] + (c->opts.count_numbers ? kinds[l][DL_TOKEN_NUMBER] : 0);
      c->index_total = TRUE;
    }
  return TRUE;
}

gboolean
dl_concord_input (DlConcord *c, const DlInput *input, const DlDocumentOptions *doc_options,
                  const DlDiag *diag, DlConcordFunc func, gpointer user_data, DlConcordStats *stats,
                  GError **error)
{
  if (!dl_stream_open (c->stream, input, doc_options, diag, NULL, error))
    return FALSE;
  dl_matcher_reset (c->matcher);
  c->total = 0;
  c->path = input->path;
  g_autoptr (GError) local = NULL;
  gboolean restricted = FALSE;
  if (!restrict_to_hits (c, input, doc_options, stats, &restricted, &local))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  gboolean lazy = c->prefilter != NULL
                  || (restricted && !dl_matcher_within (c->matcher, DL_CQL_WITHIN_SENTENCE));
  /* Only candidates are tokenized: workers that read an index's input in
   * parts need not tokenize every line. */
  if (lazy && (c->opts.no_token_counts || c->index_total))
    dl_stream_lazy_input (c->stream);
  gboolean ok = lazy ? prefiltered_pass (c, diag, func, user_data, stats, &local)
                     : full_pass (c, diag, func, user_data, stats, &local);
  /* The hits read before a failure are given too. */
  flush_hits (c, TRUE, func, user_data);
  g_queue_clear_full (&c->lines, line_free);
  drop_raw (c, c->raw->len);
  if (!ok)
    {
      /* A failure always says why: never taken for the input's end. */
      g_assert (local != NULL);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}
