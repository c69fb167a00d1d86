/* concord.c — the KWIC engine: every line is tokenized and its tokens given
 * to the matcher (query.h); a match waits in a short queue until the lines
 * after it hold its right context, then comes out with its context cut from
 * the few lines kept behind. */
#include "config.h"

#include "concord.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "decode.h"
#include "error.h"
#include "i18n.h"
#include "printable.h"
#include "textwidth.h"
#include "stream.h"

/* Columns read beyond --width on each side when --sentence looks for the
 * sentence's boundaries (ICU looks at the text around a full stop). */
#define SENTENCE_MARGIN 40

typedef struct {
  char *text; /* a copy of the line */
  gsize len;
  guint64 number, offset;
  const char *encoding;
  DlLang lang;
  guint64 first; /* index in the input of its first token */
  guint n;       /* its tokens */
  DlStreamToken *tokens;
  gsize cols; /* columns it takes once shown (with --width) */
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
  guint64 total;   /* tokens read from the input */
  GString *left, *node, *right, *tmp, *forms[DL_CONCORD_FORMS];
};

static void
line_free (gpointer p)
{
  Line *l = p;
  g_free (l->text);
  g_free (l->tokens);
  g_free (l);
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
  g_array_free (c->pending, TRUE);
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
  c->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  c->left = g_string_new (NULL);
  c->node = g_string_new (NULL);
  c->right = g_string_new (NULL);
  c->tmp = g_string_new (NULL);
  for (int i = 0; i < DL_CONCORD_FORMS; i++)
    c->forms[i] = g_string_new (NULL);
  for (guint q = 0; q < n; q++)
    c->max_len = MAX (c->max_len, dl_query_length (queries[q]));
  /* Every line is tokenized: a phrase or a context runs across languages;
   * the counted kinds are those of the totals. */
  DlStreamOptions so = { .sentences = FALSE };
  for (int l = 0; l < DL_LANG_COUNT; l++)
    so.langs[l] = TRUE;
  so.kinds[DL_TOKEN_WORD] = TRUE;
  so.kinds[DL_TOKEN_NUMBER] = options->count_numbers;
  if ((c->matcher = dl_matcher_new (queries, n, query_options, error)) == NULL
      || (c->stream = dl_stream_new (&so, error)) == NULL)
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
      cols += line->cols + 1;
      tokens += line->n;
    }
  while (c->lines.length > 1)
    {
      const Line *front = c->lines.head->data;
      const Line *next = c->lines.head->next->data;
      if (front->first + front->n > anchor || cols < need_cols || tokens < need_tokens)
        break;
      line_free (g_queue_pop_head (&c->lines));
      if (next->first + next->n > anchor)
        break;
      cols -= next->cols + 1;
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
  for (const char *p = text, *end = text + len; p < end; p = g_utf8_next_char (p))
    n += (guchar) *p < 0x80 ? 1 : shown_width (g_utf8_get_char (p));
  return n;
}

/* Keeps a copy of @sl, the line that holds tokens @first.. of the input. */
static Line *
keep_line (DlConcord *c, const DlStreamLine *sl, guint64 first)
{
  Line *line = g_new (Line, 1);
  /* The stream's lines are not NUL-terminated: copy len bytes only. */
  line->text = g_malloc (sl->len + 1);
  memcpy (line->text, sl->text, sl->len);
  line->text[sl->len] = '\0';
  line->len = sl->len;
  line->number = sl->number;
  line->offset = sl->offset;
  line->encoding = sl->encoding;
  line->lang = sl->lang;
  line->first = first;
  line->n = sl->n_tokens;
  line->tokens = g_memdup2 (sl->tokens, sl->n_tokens * sizeof *sl->tokens);
  line->cols = c->opts.words > 0 ? 0 : count_cols (sl->text, sl->len);
  g_queue_push_tail (&c->lines, line);
  return line;
}

/* Gives the tokens of @sl to the matcher and queues its hits. */
static void
match_line (DlConcord *c, const DlStreamLine *sl, const DlDiag *diag, DlConcordStats *stats)
{
  const Line *line = keep_line (c, sl, c->total);
  gboolean wanted = c->opts.langs[sl->lang];
  gboolean regex_failed = FALSE;
  for (guint i = 0; i < sl->n_tokens; i++)
    {
      const DlStreamToken *t = &sl->tokens[i];
      guint64 g = c->total++;
      if (wanted && t->counts)
        stats->tokens[sl->lang]++;
      const DlMatch *m;
      guint n_m;
      g_autoptr (GError) e = NULL;
      if (!dl_matcher_token (c->matcher, sl->lang, line->text + t->offset, t->len, &m, &n_m,
                             regex_failed ? NULL : &e))
        {
          if (e != NULL)
            dl_diag_report (diag, DL_DIAG_ERROR, sl->path, sl->number, "%s", e->message);
          regex_failed = TRUE;
        }
      for (guint k = 0; k < n_m; k++)
        {
          guint64 g0 = g + 1 - m[k].length;
          GList *l0 = find_line (c, g0);
          DlLang lang = l0 != NULL ? ((const Line *) l0->data)->lang : sl->lang;
          if (c->opts.langs[lang] && add_pending (c, m[k].query, g0, g))
            stats->hits[lang]++;
        }
    }
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
  g_autoptr (GError) local = NULL;
  const DlStreamLine *line;
  while (dl_stream_next (c->stream, &line, &local) && line != NULL)
    {
      match_line (c, line, diag, stats);
      flush_hits (c, FALSE, func, user_data);
      trim_lines (c);
    }
  /* The hits read before a failure are given too. */
  flush_hits (c, TRUE, func, user_data);
  g_queue_clear_full (&c->lines, line_free);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}
