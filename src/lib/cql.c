/* cql.c — the corpus query language (cql.h): a recursive-descent parser to a
 * tree, the tree to an automaton over tokens (Thompson's construction),
 * and the automaton run with one 64-bit word a state: bit k set when a
 * match that started k tokens ago has reached the state, so that every
 * start is followed at once and the earliest is known at each end. */
#include "config.h"

#include "cql.h"

#include <string.h>

#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "error.h"
#include "i18n.h"
#include "icu.h"
#include "normalize.h"

/* Some thousands of steps of ICU's engine: about a second at most on one
 * value (as query.c's). */
#define REGEX_TIME_LIMIT 300

/* The most states of the automaton: {n,m} copies its part. */
#define MAX_STATES 2048

/* The most tests of a query: a token's results are one 64-bit mask. */
#define MAX_TESTS 64
/* The most parentheses and ! one inside another. */
#define MAX_NESTING 100

#define NO_STATE G_MAXUINT

static const char *const attr_names[DL_CQL_ATTRS] = { "word", "fold", "stem", "lemma", "lang" };

typedef struct {
  DlCqlAttr attr;
  char *pattern;   /* as the regular expression is compiled */
  gboolean nocase; /* %c */
} Test;

/* A token's condition, in postfix: tests, then operators. */
typedef enum { OP_TEST, OP_NOT, OP_AND, OP_OR, OP_ANY } OpKind;
typedef struct {
  OpKind kind;
  guint test;
} Op;

/* The tree of a sequence. */
typedef enum { NODE_TOKEN, NODE_SEQ, NODE_ALT, NODE_REPEAT } NodeKind;
typedef struct Node Node;
struct Node {
  NodeKind kind;
  guint cond;       /* NODE_TOKEN: its condition */
  GPtrArray *parts; /* NODE_SEQ, NODE_ALT: Node*; NODE_REPEAT: one */
  guint min, max;   /* NODE_REPEAT: max G_MAXUINT for no bound */
};

/* A state of the automaton: its moves without a token, and at most one on
 * a token meeting a condition. */
typedef struct {
  GArray *eps; /* guint */
  guint cond;  /* NO_STATE: none */
  guint to;
} State;

/* A state with a move on a token, as the run uses it: the condition, and
 * where the token leads (the states with moves on tokens reached without
 * one, and whether the end is). */
typedef struct {
  guint cond;
  guint *next;
  guint n_next;
  gboolean accepts;
} Move;

/* Where a match's tokens must lie, in postfix (dl_cql_anchor): a
 * condition's tokens, nothing known, or of two such sets the one every
 * match of a sequence has (either) or of an alternative (both). */
typedef enum { ANCHOR_COND, ANCHOR_NONE, ANCHOR_SEQ, ANCHOR_ALT } AnchorKind;
typedef struct {
  AnchorKind kind;
  guint cond;
} Anchor;

struct _DlCql {
  char *text;
  Test tests[MAX_TESTS];
  guint n_tests;
  GArray *ops;   /* Op, the conditions' one after the other */
  GArray *conds; /* guint pairs: each condition's first op and count */
  DlCqlWithin within;
  guint max_len;
  Move *moves; /* the states with a move on a token */
  guint n_moves;
  guint *start; /* the moves reached from the start without a token */
  guint n_start;
  GArray *anchors; /* Anchor */
};

/* ---- parsing ---- */

typedef struct {
  DlCql *q;
  const char *s, *p;
  GError **error;
  GPtrArray *nodes; /* every Node made, to free */
  guint depth;      /* of the condition's stack, as its ops are emitted */
  guint nesting;    /* of the parser's calls: parentheses and ! */
  GArray *states;   /* State */
} Parser;

static void
node_free (gpointer p)
{
  Node *n = p;
  if (n->parts != NULL)
    g_ptr_array_unref (n->parts);
  g_free (n);
}

static Node *
node_new (Parser *ps, NodeKind kind)
{
  Node *n = g_new0 (Node, 1);
  n->kind = kind;
  if (kind != NODE_TOKEN)
    n->parts = g_ptr_array_new ();
  g_ptr_array_add (ps->nodes, n);
  return n;
}

/* Fails with the problem @fmt at the parser's place. */
static gboolean fail (Parser *ps, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Parser *ps, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *problem = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  /* Translators: a malformed CQL query: the query, the character (counted
     from 1) where it goes wrong, the problem. */
  /* A long query is shown by its start: the character says where. */
  g_autofree char *query = NULL;
  if (g_utf8_strlen (ps->q->text, -1) > 80)
    {
      g_autofree char *start = g_utf8_substring (ps->q->text, 0, 79);
      query = g_strconcat (start, "…", NULL);
    }
  else
    query = g_strdup (ps->q->text);
  g_set_error (ps->error, DL_ERROR, DL_ERROR_USAGE, _ ("CQL query %s: at character %ld: %s"), query,
               g_utf8_pointer_to_offset (ps->s, ps->p) + 1, problem);
  return FALSE;
}

static void
skip_space (Parser *ps)
{
  while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
    ps->p++;
}

/* Takes @c after spaces if it comes next. */
static gboolean
take (Parser *ps, char c)
{
  skip_space (ps);
  if (*ps->p != c)
    return FALSE;
  ps->p++;
  return TRUE;
}

/* Takes the word @w (a name, not the start of a longer one). */
static gboolean
take_word (Parser *ps, const char *w)
{
  skip_space (ps);
  gsize n = strlen (w);
  if (strncmp (ps->p, w, n) != 0 || g_ascii_isalnum (ps->p[n]) || ps->p[n] == '_')
    return FALSE;
  ps->p += n;
  return TRUE;
}

/* What stands at the parser's place, for a message: a character or "the
 * end of the query". */
static char *
here (Parser *ps)
{
  if (*ps->p == '\0')
    return g_strdup (_ ("the end of the query"));
  return g_strdup_printf ("%.*s", (int) (g_utf8_next_char (ps->p) - ps->p), ps->p);
}

/* Compiles @pattern (UTF-8). NULL with the problem in *@st and where it
 * is in *@offset (UTF-16 units of the pattern) if it is no regular
 * expression. */
static URegularExpression *
regex_open (const char *pattern, gboolean nocase, int32_t *offset, UErrorCode *st)
{
  int32_t n = 0;
  *st = U_ZERO_ERROR;
  *offset = 0;
  u_strFromUTF8 (NULL, 0, &n, pattern, -1, st);
  if (*st == U_BUFFER_OVERFLOW_ERROR)
    *st = U_ZERO_ERROR;
  g_autofree UChar *u = g_new (UChar, n + 1);
  u_strFromUTF8 (u, n + 1, NULL, pattern, -1, st);
  UParseError pe = { 0 };
  URegularExpression *re
      = U_SUCCESS (*st) ? uregex_open (u, n, nocase ? UREGEX_CASE_INSENSITIVE : 0, &pe, st) : NULL;
  if (U_FAILURE (*st))
    {
      if (re != NULL)
        uregex_close (re);
      *offset = pe.offset;
      return NULL;
    }
  uregex_setTimeLimit (re, REGEX_TIME_LIMIT, st);
  return re;
}

/* A string in double quotes at the parser's place, into @out: a backslash
 * before a quote or a backslash stands for it, before anything else stays
 * (the regular expression reads it). */
static gboolean
parse_string (Parser *ps, GString *out)
{
  skip_space (ps);
  if (*ps->p != '"')
    {
      g_autofree char *what = here (ps);
      return fail (ps, _ ("a string in double quotes expected, not %s"), what);
    }
  const char *open = ps->p++;
  g_string_truncate (out, 0);
  for (;;)
    {
      if (*ps->p == '\0')
        {
          ps->p = open;
          return fail (ps, _ ("the string has no closing double quote"));
        }
      if (*ps->p == '"')
        break;
      if (*ps->p == '\\' && (ps->p[1] == '"' || ps->p[1] == '\\'))
        {
          if (ps->p[1] == '\\')
            g_string_append_c (out, '\\');
          ps->p++;
        }
      g_string_append_c (out, *ps->p++);
    }
  ps->p++;
  return TRUE;
}

/* %c after a string: case ignored. */
static gboolean
parse_flags (Parser *ps, gboolean *nocase)
{
  *nocase = FALSE;
  if (*ps->p != '%')
    return TRUE;
  ps->p++;
  while (g_ascii_isalpha (*ps->p))
    {
      if (*ps->p != 'c')
        return fail (ps, _ ("unknown flag %%%c (there is %%c, to ignore case)"), *ps->p);
      *nocase = TRUE;
      ps->p++;
    }
  return TRUE;
}

/* Adds the test of @attr against the string at the parser's place; its
 * number in *@test. */
static gboolean
parse_test_value (Parser *ps, DlCqlAttr attr, guint *test)
{
  g_autoptr (GString) s = g_string_new (NULL);
  const char *at = (skip_space (ps), ps->p);
  gboolean nocase;
  if (!parse_string (ps, s) || !parse_flags (ps, &nocase))
    return FALSE;
  if (s->len == 0)
    {
      ps->p = at;
      return fail (ps, _ ("an empty string matches no token (\".*\" matches any)"));
    }
  /* Folds, stems and lemmas have one apostrophe: so has the pattern. */
  g_autoptr (GString) pattern = g_string_new (NULL);
  if (attr == DL_CQL_FOLD || attr == DL_CQL_STEM || attr == DL_CQL_LEMMA)
    dl_normalize_apostrophes (s->str, s->len, pattern);
  else
    g_string_assign (pattern, s->str);
  int32_t offset;
  UErrorCode st;
  g_autoptr (URegularExpression) re = regex_open (pattern->str, nocase, &offset, &st);
  if (re == NULL)
    {
      /* Past the quote, in characters of the pattern (near enough with
       * escapes). */
      ps->p = at + 1;
      const char *end = ps->p + strlen (ps->p);
      for (int i = 0; i < offset && ps->p < end; i++)
        ps->p = g_utf8_next_char (ps->p);
      return fail (ps, _ ("bad regular expression (%s)"), u_errorName (st));
    }
  DlCql *q = ps->q;
  for (guint i = 0; i < q->n_tests; i++)
    if (q->tests[i].attr == attr && q->tests[i].nocase == nocase
        && strcmp (q->tests[i].pattern, pattern->str) == 0)
      {
        *test = i;
        return TRUE;
      }
  if (q->n_tests == MAX_TESTS)
    {
      ps->p = at;
      return fail (ps, _ ("a query can have at most %d tests"), MAX_TESTS);
    }
  Test *t = &q->tests[q->n_tests];
  t->attr = attr;
  t->nocase = nocase;
  t->pattern = g_string_free (g_steal_pointer (&pattern), FALSE);
  *test = q->n_tests++;
  return TRUE;
}

/* Adds an op to the condition being parsed; FALSE (and the message) if its
 * stack would be deeper than a mask's bits. */
static gboolean
emit (Parser *ps, OpKind kind, guint test)
{
  Op op = { kind, test };
  g_array_append_val (ps->q->ops, op);
  if (kind == OP_TEST || kind == OP_ANY)
    ps->depth++;
  else if (kind != OP_NOT)
    ps->depth--;
  if (ps->depth > 64)
    return fail (ps, _ ("the query is nested too deep"));
  return TRUE;
}

static gboolean parse_or (Parser *ps);

/* A test (attr = "re", attr != "re"), a negation or an expression in
 * parentheses. */
/* Enters one more parenthesis or !; FALSE (and the message) past
 * MAX_NESTING, so that no query, however long, runs the stack out. */
static gboolean
nest (Parser *ps)
{
  if (++ps->nesting > MAX_NESTING)
    return fail (ps, _ ("the query is nested too deep"));
  return TRUE;
}

static gboolean
parse_unary (Parser *ps)
{
  if (take (ps, '!'))
    {
      gboolean ok = nest (ps) && parse_unary (ps) && emit (ps, OP_NOT, 0);
      ps->nesting--;
      return ok;
    }
  if (take (ps, '('))
    {
      gboolean ok = nest (ps) && parse_or (ps);
      ps->nesting--;
      if (!ok)
        return FALSE;
      if (!take (ps, ')'))
        {
          g_autofree char *what = here (ps);
          return fail (ps, _ ("a ) expected, not %s"), what);
        }
      return TRUE;
    }
  skip_space (ps);
  const char *at = ps->p;
  while (g_ascii_isalnum (*ps->p) || *ps->p == '_')
    ps->p++;
  if (ps->p == at)
    {
      g_autofree char *what = here (ps);
      return fail (ps, _ ("an attribute (word, fold, stem, lemma or lang) expected, not %s"), what);
    }
  int attr = -1;
  for (int a = 0; a < DL_CQL_ATTRS; a++)
    if ((gsize) (ps->p - at) == strlen (attr_names[a])
        && strncmp (at, attr_names[a], ps->p - at) == 0)
      attr = a;
  if (attr < 0)
    {
      g_autofree char *name = g_strndup (at, ps->p - at);
      ps->p = at;
      return fail (ps, _ ("unknown attribute %s (there are word, fold, stem, lemma and lang)"),
                   name);
    }
  gboolean negated = FALSE;
  skip_space (ps);
  if (ps->p[0] == '!' && ps->p[1] == '=')
    {
      negated = TRUE;
      ps->p += 2;
    }
  else if (ps->p[0] == '=')
    ps->p++;
  else
    {
      g_autofree char *what = here (ps);
      return fail (ps, _ ("= or != expected after the attribute, not %s"), what);
    }
  guint test;
  if (!parse_test_value (ps, (DlCqlAttr) attr, &test))
    return FALSE;
  return emit (ps, OP_TEST, test) && (!negated || emit (ps, OP_NOT, 0));
}

/* Operands parsed by @operand joined by @c, each join the op @kind. */
static gboolean
parse_joined (Parser *ps, gboolean (*operand) (Parser *), char c, OpKind kind)
{
  if (!operand (ps))
    return FALSE;
  while (take (ps, c))
    {
      if (!operand (ps) || !emit (ps, kind, 0))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_and (Parser *ps)
{
  return parse_joined (ps, parse_unary, '&', OP_AND);
}

static gboolean
parse_or (Parser *ps)
{
  return parse_joined (ps, parse_and, '|', OP_OR);
}

/* A token's condition: [expr], [] or "re"%c (the word). */
static gboolean
parse_token (Parser *ps, Node **out)
{
  DlCql *q = ps->q;
  guint first = q->ops->len;
  ps->depth = 0;
  skip_space (ps);
  if (*ps->p == '"')
    {
      guint test;
      if (!parse_test_value (ps, DL_CQL_WORD, &test) || !emit (ps, OP_TEST, test))
        return FALSE;
    }
  else
    {
      ps->p++; /* [ */
      if (take (ps, ']'))
        (void) emit (ps, OP_ANY, 0);
      else
        {
          if (!parse_or (ps))
            return FALSE;
          if (!take (ps, ']'))
            {
              g_autofree char *what = here (ps);
              return fail (ps, _ ("a ] expected, not %s"), what);
            }
        }
    }
  guint cond[2] = { first, q->ops->len - first };
  Node *n = node_new (ps, NODE_TOKEN);
  n->cond = q->conds->len / 2;
  g_array_append_vals (q->conds, cond, 2);
  *out = n;
  return TRUE;
}

/* A number of a {n,m}, or G_MAXUINT if none is there. */
static gboolean
parse_count (Parser *ps, guint *n)
{
  skip_space (ps);
  *n = G_MAXUINT;
  if (!g_ascii_isdigit (*ps->p))
    return TRUE;
  guint64 v = 0;
  while (g_ascii_isdigit (*ps->p))
    {
      v = v * 10 + (guint64) (*ps->p++ - '0');
      if (v > 1000)
        return fail (ps, _ ("a repetition of at most %d"), 1000);
    }
  *n = (guint) v;
  return TRUE;
}

/* ? * + {n} {n,} {n,m} {,m} after a part. */
static gboolean
parse_quantifier (Parser *ps, Node **node)
{
  guint min, max;
  skip_space (ps);
  const char *at = ps->p;
  if (take (ps, '?'))
    min = 0, max = 1;
  else if (take (ps, '*'))
    min = 0, max = G_MAXUINT;
  else if (take (ps, '+'))
    min = 1, max = G_MAXUINT;
  else if (take (ps, '{'))
    {
      if (!parse_count (ps, &min))
        return FALSE;
      if (take (ps, ','))
        {
          if (!parse_count (ps, &max))
            return FALSE;
        }
      else if (min == G_MAXUINT)
        return fail (ps, _ ("{n}, {n,}, {n,m} or {,m} expected"));
      else
        max = min;
      if (min == G_MAXUINT)
        min = 0;
      if (!take (ps, '}'))
        {
          g_autofree char *what = here (ps);
          return fail (ps, _ ("a } expected, not %s"), what);
        }
      if (max < min)
        {
          ps->p = at;
          return fail (ps, _ ("{n,m} with m below n"));
        }
    }
  else
    return TRUE;
  Node *r = node_new (ps, NODE_REPEAT);
  g_ptr_array_add (r->parts, *node);
  r->min = min;
  r->max = max;
  *node = r;
  return TRUE;
}

static gboolean parse_alt (Parser *ps, Node **out);

/* Fails saying how CQL writes a word if a bare one (as in a word query)
 * stands at the parser's place; FALSE if none does. */
static gboolean
bare_word (Parser *ps)
{
  const char *end = ps->p;
  while (*end != '\0' && g_unichar_isalnum (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  if (end == ps->p)
    return FALSE;
  fail (ps, _ ("a token expected: a word is written in double quotes (\"%.*s\")"),
        (int) (end - ps->p), ps->p);
  return TRUE;
}

/* Whether what comes next starts a part of a sequence. */
static gboolean
starts_part (Parser *ps)
{
  skip_space (ps);
  return *ps->p == '[' || *ps->p == '"' || *ps->p == '(';
}

static gboolean
parse_seq (Parser *ps, Node **out)
{
  Node *seq = node_new (ps, NODE_SEQ);
  if (!starts_part (ps))
    {
      if (bare_word (ps))
        return FALSE;
      g_autofree char *what = here (ps);
      return fail (ps, _ ("a token ([...] or \"...\") or a ( expected, not %s"), what);
    }
  while (starts_part (ps))
    {
      Node *part = NULL;
      if (take (ps, '('))
        {
          gboolean ok = nest (ps) && parse_alt (ps, &part);
          ps->nesting--;
          if (!ok)
            return FALSE;
          if (!take (ps, ')'))
            {
              g_autofree char *what = here (ps);
              return fail (ps, _ ("a ) expected, not %s"), what);
            }
        }
      else if (!parse_token (ps, &part))
        return FALSE;
      if (!parse_quantifier (ps, &part))
        return FALSE;
      g_ptr_array_add (seq->parts, part);
    }
  *out = seq;
  return TRUE;
}

static gboolean
parse_alt (Parser *ps, Node **out)
{
  Node *alt = node_new (ps, NODE_ALT);
  do
    {
      Node *seq = NULL;
      if (!parse_seq (ps, &seq))
        return FALSE;
      g_ptr_array_add (alt->parts, seq);
    }
  while (take (ps, '|'));
  *out = alt;
  return TRUE;
}

/* ---- the automaton ---- */

static guint
state_new (Parser *ps)
{
  State s = { g_array_new (FALSE, FALSE, sizeof (guint)), NO_STATE, NO_STATE };
  g_array_append_val (ps->states, s);
  return ps->states->len - 1;
}

static void
eps (Parser *ps, guint from, guint to)
{
  g_array_append_val (g_array_index (ps->states, State, from).eps, to);
}

/* Builds @n between fresh states: *@in and *@out. FALSE (and the message)
 * if there would be too many states. */
static gboolean
build (Parser *ps, const Node *n, guint *in, guint *out)
{
  if (ps->states->len > MAX_STATES)
    {
      ps->p = ps->s;
      return fail (ps, _ ("the query is too big (repeat fewer parts, or fewer times)"));
    }
  *in = state_new (ps);
  switch (n->kind)
    {
    case NODE_TOKEN:
      *out = state_new (ps);
      g_array_index (ps->states, State, *in).cond = n->cond;
      g_array_index (ps->states, State, *in).to = *out;
      return TRUE;
    case NODE_SEQ:
      {
        guint at = *in;
        for (guint i = 0; i < n->parts->len; i++)
          {
            guint a, b;
            if (!build (ps, n->parts->pdata[i], &a, &b))
              return FALSE;
            eps (ps, at, a);
            at = b;
          }
        *out = at;
        return TRUE;
      }
    case NODE_ALT:
      *out = state_new (ps);
      for (guint i = 0; i < n->parts->len; i++)
        {
          guint a, b;
          if (!build (ps, n->parts->pdata[i], &a, &b))
            return FALSE;
          eps (ps, *in, a);
          eps (ps, b, *out);
        }
      return TRUE;
    case NODE_REPEAT:
      {
        const Node *part = n->parts->pdata[0];
        guint at = *in;
        /* min copies, then max - min optional ones (or a loop). */
        for (guint i = 0; i < n->min; i++)
          {
            guint a, b;
            if (!build (ps, part, &a, &b))
              return FALSE;
            eps (ps, at, a);
            at = b;
          }
        *out = state_new (ps);
        eps (ps, at, *out);
        if (n->max == G_MAXUINT)
          {
            guint a, b;
            if (!build (ps, part, &a, &b))
              return FALSE;
            eps (ps, at, a);
            eps (ps, b, at);
          }
        else
          for (guint i = n->min; i < n->max; i++)
            {
              guint a, b;
              if (!build (ps, part, &a, &b))
                return FALSE;
              eps (ps, at, a);
              eps (ps, b, *out);
              at = b;
            }
        return TRUE;
      }
    }
  g_assert_not_reached ();
}

/* The states reached from @from without a token, marked in @seen (cleared
 * by the caller), listed in @list. */
static void
closure (GArray *states, guint from, guint8 *seen, GArray *list)
{
  g_array_set_size (list, 0);
  g_array_append_val (list, from);
  seen[from] = 1;
  for (guint i = 0; i < list->len; i++)
    {
      const State *s = &g_array_index (states, State, g_array_index (list, guint, i));
      for (guint j = 0; j < s->eps->len; j++)
        {
          guint t = g_array_index (s->eps, guint, j);
          if (!seen[t])
            {
              seen[t] = 1;
              g_array_append_val (list, t);
            }
        }
    }
}

/* The moves among the states reached from @from: their numbers (the
 * states' move numbers, @move_of) into a new array, *@accepts if the end
 * @final is reached. */
static guint *
moves_from (GArray *states, guint from, guint final, const guint *move_of, guint *n,
            gboolean *accepts)
{
  g_autofree guint8 *seen = g_malloc0 (states->len);
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (guint));
  closure (states, from, seen, list);
  GArray *moves = g_array_new (FALSE, FALSE, sizeof (guint));
  *accepts = FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      guint s = g_array_index (list, guint, i);
      if (s == final)
        *accepts = TRUE;
      if (move_of[s] != NO_STATE)
        g_array_append_val (moves, move_of[s]);
    }
  *n = moves->len;
  return (guint *) (gpointer) g_array_free (moves, FALSE);
}

/* The most tokens a match of @n can have, G_MAXUINT for no bound. */
static guint
longest (const Node *n)
{
  guint64 sum = 0, most = 0;
  switch (n->kind)
    {
    case NODE_TOKEN:
      return 1;
    case NODE_SEQ:
      for (guint i = 0; i < n->parts->len; i++)
        {
          guint l = longest (n->parts->pdata[i]);
          if (l == G_MAXUINT)
            return G_MAXUINT;
          sum += l;
        }
      return (guint) MIN (sum, G_MAXUINT - 1);
    case NODE_ALT:
      for (guint i = 0; i < n->parts->len; i++)
        {
          guint l = longest (n->parts->pdata[i]);
          if (l == G_MAXUINT)
            return G_MAXUINT;
          most = MAX (most, l);
        }
      return (guint) most;
    case NODE_REPEAT:
      {
        guint l = longest (n->parts->pdata[0]);
        if (l == G_MAXUINT || (n->max == G_MAXUINT && l > 0))
          return G_MAXUINT;
        return (guint) MIN ((guint64) l * n->max, G_MAXUINT - 1);
      }
    }
  g_assert_not_reached ();
}

/* Whether condition @c is [], met by every token. */
static gboolean
cond_any (const DlCql *q, guint c)
{
  const guint *cond = &g_array_index (q->conds, guint, 2 * c);
  return cond[1] == 1 && g_array_index (q->ops, Op, cond[0]).kind == OP_ANY;
}

/* Appends the anchors of @n's matches to q->anchors. */
static void
add_anchors (DlCql *q, const Node *n)
{
  Anchor a = { ANCHOR_NONE, 0 };
  switch (n->kind)
    {
    case NODE_TOKEN:
      if (!cond_any (q, n->cond))
        a = (Anchor){ ANCHOR_COND, n->cond };
      g_array_append_val (q->anchors, a);
      return;
    case NODE_SEQ:
    case NODE_ALT:
      a.kind = n->kind == NODE_SEQ ? ANCHOR_SEQ : ANCHOR_ALT;
      for (guint i = 0; i < n->parts->len; i++)
        {
          add_anchors (q, n->parts->pdata[i]);
          if (i > 0)
            g_array_append_val (q->anchors, a);
        }
      return;
    case NODE_REPEAT:
      if (n->min > 0)
        add_anchors (q, n->parts->pdata[0]);
      else
        g_array_append_val (q->anchors, a);
      return;
    }
}

/* Makes the run's moves of the automaton from the tree @root. */
static gboolean
compile (Parser *ps, const Node *root)
{
  DlCql *q = ps->q;
  guint in, final;
  if (!build (ps, root, &in, &final))
    return FALSE;
  GArray *states = ps->states;
  g_autofree guint *move_of = g_new (guint, states->len);
  for (guint s = 0; s < states->len; s++)
    {
      const State *st = &g_array_index (states, State, s);
      move_of[s] = st->cond != NO_STATE ? q->n_moves++ : NO_STATE;
    }
  q->moves = g_new0 (Move, MAX (q->n_moves, 1));
  for (guint s = 0; s < states->len; s++)
    if (move_of[s] != NO_STATE)
      {
        const State *st = &g_array_index (states, State, s);
        Move *m = &q->moves[move_of[s]];
        m->cond = st->cond;
        m->next = moves_from (states, st->to, final, move_of, &m->n_next, &m->accepts);
      }
  gboolean empty;
  q->start = moves_from (states, in, final, move_of, &q->n_start, &empty);
  if (empty)
    {
      ps->p = ps->s;
      return fail (ps, _ ("the query can match without any token (a match needs one at least)"));
    }
  guint l = longest (root);
  q->max_len = MIN (l, DL_CQL_MAX_SPAN);
  add_anchors (q, root);
  return TRUE;
}

DlCql *
dl_cql_parse (const char *text, GError **error)
{
  g_autoptr (DlCql) q = g_new0 (DlCql, 1);
  q->text = g_strstrip (g_strdup (text));
  q->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  q->conds = g_array_new (FALSE, FALSE, sizeof (guint));
  q->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  Parser ps = { .q = q,
                .s = q->text,
                .p = q->text,
                .error = error,
                .nodes = g_ptr_array_new_with_free_func (node_free),
                .states = g_array_new (FALSE, FALSE, sizeof (State)) };
  Node *root = NULL;
  gboolean ok = parse_alt (&ps, &root);
  if (ok && take_word (&ps, "within"))
    {
      if (take_word (&ps, "s") || take_word (&ps, "sentence"))
        q->within = DL_CQL_WITHIN_SENTENCE;
      else if (take_word (&ps, "line"))
        q->within = DL_CQL_WITHIN_LINE;
      else
        {
          g_autofree char *what = here (&ps);
          ok = fail (&ps, _ ("s or line expected after within, not %s"), what);
        }
    }
  skip_space (&ps);
  if (ok && *ps.p != '\0')
    {
      g_autofree char *what = here (&ps);
      ok = !bare_word (&ps) && fail (&ps, _ ("the query should end here, not at %s"), what);
    }
  if (ok)
    ok = compile (&ps, root);
  for (guint s = 0; s < ps.states->len; s++)
    g_array_unref (g_array_index (ps.states, State, s).eps);
  g_array_unref (ps.states);
  g_ptr_array_unref (ps.nodes);
  return ok ? g_steal_pointer (&q) : NULL;
}

void
dl_cql_free (DlCql *q)
{
  if (q == NULL)
    return;
  for (guint i = 0; i < q->n_tests; i++)
    g_free (q->tests[i].pattern);
  for (guint i = 0; i < q->n_moves; i++)
    g_free (q->moves[i].next);
  g_free (q->moves);
  g_free (q->start);
  g_array_unref (q->ops);
  g_array_unref (q->conds);
  g_array_unref (q->anchors);
  g_free (q->text);
  g_free (q);
}

guint
dl_cql_n_conds (const DlCql *q)
{
  return q->conds->len / 2;
}

gboolean
dl_cql_cond_anchors (const DlCql *q, guint c)
{
  for (guint i = 0; i < q->anchors->len; i++)
    {
      const Anchor *a = &g_array_index (q->anchors, Anchor, i);
      if (a->kind == ANCHOR_COND && a->cond == c)
        return TRUE;
    }
  return FALSE;
}

gboolean
dl_cql_cond_may (const DlCql *q, guint c, guint64 mask, guint64 known)
{
  const guint *cond = &g_array_index (q->conds, guint, 2 * c);
  const Op *ops = &g_array_index (q->ops, Op, cond[0]);
  /* Two stacks as meets' (top at bit 0): whether the value may be true,
   * whether it may be false. */
  guint64 t = 0, f = 0;
  for (guint i = 0; i < cond[1]; i++)
    switch (ops[i].kind)
      {
      case OP_TEST:
        {
          guint64 is = (known >> ops[i].test) & 1, v = (mask >> ops[i].test) & 1;
          t = (t << 1) | (is ? v : 1);
          f = (f << 1) | (is ? v ^ 1 : 1);
          break;
        }
      case OP_ANY:
        t = (t << 1) | 1;
        f <<= 1;
        break;
      case OP_NOT:
        {
          guint64 top_t = t & 1;
          t = (t & ~G_GUINT64_CONSTANT (1)) | (f & 1);
          f = (f & ~G_GUINT64_CONSTANT (1)) | top_t;
          break;
        }
      case OP_AND:
        t = (t >> 1) & (t | ~G_GUINT64_CONSTANT (1));
        f = (f >> 1) | (f & 1);
        break;
      case OP_OR:
        t = (t >> 1) | (t & 1);
        f = (f >> 1) & (f | ~G_GUINT64_CONSTANT (1));
        break;
      }
  return t & 1;
}

/* Ends the run of characters @run (its characters' starts in @starts),
 * keeping it in @best if it is longer, less its last character if
 * @drop_last (a quantifier may leave it out). */
static void
end_run (GString *run, GArray *starts, gboolean drop_last, GString *best, glong *best_chars)
{
  if (drop_last && starts->len > 0)
    {
      g_string_truncate (run, g_array_index (starts, gsize, starts->len - 1));
      g_array_set_size (starts, starts->len - 1);
    }
  if ((glong) starts->len > *best_chars)
    {
      g_string_assign (best, run->str);
      *best_chars = starts->len;
    }
  g_string_truncate (run, 0);
  g_array_set_size (starts, 0);
}

/* The longest run of characters every value @t matches holds, or with
 * @first the run it starts with, into @out: see dl_cql_test_needle. */
static gboolean
test_runs (const Test *t, gboolean first, GString *out)
{
  g_string_truncate (out, 0);
  return !t->nocase && dl_regex_runs (t->pattern, first, out);
}

gboolean
dl_regex_runs (const char *pattern, gboolean first, GString *out)
{
  g_string_truncate (out, 0);
  /* An alternative anywhere may do without any run. */
  if (strchr (pattern, '|') != NULL)
    return FALSE;
  g_autoptr (GString) run = g_string_new (NULL);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  glong best = 0;
  const char *p = pattern;
  /* Up to the first escape, set or group: only characters and
   * quantifiers before it, read simply. */
  while (*p != '\0' && strchr ("\\[(", *p) == NULL)
    {
      if (*p == '?' || *p == '*' || *p == '{')
        {
          end_run (run, starts, TRUE, out, &best);
          if (first || (*p == '{' && (p = strchr (p, '}')) == NULL))
            return best > 0;
          p++;
        }
      else if (strchr (".^$+)]}", *p) != NULL)
        {
          /* x+ holds x, not what follows it next to it. */
          end_run (run, starts, FALSE, out, &best);
          if (first)
            return best > 0;
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          gsize at = run->len;
          g_array_append_val (starts, at);
          g_string_append_len (run, p, next - p);
          p = next;
        }
    }
  /* A run cut by an escape, set or group holds its characters all the
   * same: a quantifier after those is theirs. */
  end_run (run, starts, FALSE, out, &best);
  return best > 0;
}

gboolean
dl_cql_test_needle (const DlCql *q, guint i, GString *out)
{
  g_return_val_if_fail (i < q->n_tests, FALSE);
  return test_runs (&q->tests[i], FALSE, out);
}

gboolean
dl_cql_test_prefix (const DlCql *q, guint i, GString *out)
{
  g_return_val_if_fail (i < q->n_tests, FALSE);
  return test_runs (&q->tests[i], TRUE, out);
}

/* A set on walk_anchors's stack: NULL set for nothing known. */
typedef struct {
  guint8 *set;
  guint64 weight;
} AnchorSet;

/* A condition's set for walk_anchors (@n bytes, taken), or NULL. */
typedef guint8 *(*LeafFunc) (guint c, gsize n, gconstpointer data, guint64 *weight);

/* The set every match of @q has a token in, into @out (@n bytes), from
 * each condition's (@leaf): a sequence takes the lighter of its parts'
 * sets, an alternative their union, weighing the sum of theirs if
 * @add, else its marked bytes. FALSE if nothing is known. */
static gboolean
walk_anchors (const DlCql *q, gsize n, LeafFunc leaf, gconstpointer data, gboolean add, guint8 *out)
{
  GArray *stack = g_array_new (FALSE, FALSE, sizeof (AnchorSet));
  for (guint i = 0; i < q->anchors->len; i++)
    {
      const Anchor *a = &g_array_index (q->anchors, Anchor, i);
      AnchorSet top = { NULL, 0 };
      if (a->kind == ANCHOR_COND)
        top.set = leaf (a->cond, n, data, &top.weight);
      else if (a->kind == ANCHOR_SEQ || a->kind == ANCHOR_ALT)
        {
          AnchorSet y = g_array_index (stack, AnchorSet, stack->len - 1);
          AnchorSet x = g_array_index (stack, AnchorSet, stack->len - 2);
          g_array_set_size (stack, stack->len - 2);
          if (a->kind == ANCHOR_SEQ)
            {
              /* Every match has tokens of both: the lighter set. */
              gboolean take_x = y.set == NULL || (x.set != NULL && x.weight <= y.weight);
              top = take_x ? x : y;
              g_free (take_x ? y.set : x.set);
            }
          else if (x.set == NULL || y.set == NULL)
            {
              /* A match of either: nothing known if one says nothing. */
              g_free (x.set);
              g_free (y.set);
            }
          else
            {
              top = x;
              top.weight
                  = add ? (x.weight > G_MAXUINT64 - y.weight ? G_MAXUINT64 : x.weight + y.weight)
                        : 0;
              for (gsize b = 0; b < n; b++)
                {
                  top.set[b] |= y.set[b];
                  top.weight += !add && top.set[b] != 0;
                }
              g_free (y.set);
            }
        }
      g_array_append_val (stack, top);
      // cppcheck-suppress memleak ; top.set is on the stack, freed when taken
    }
  AnchorSet last = g_array_index (stack, AnchorSet, 0);
  g_array_unref (stack);
  if (last.set == NULL)
    return FALSE;
  memcpy (out, last.set, n);
  g_free (last.set);
  return TRUE;
}

/* Condition @c's places (dl_cql_anchor's @cond_sets), weighed by how many
 * are marked. */
static guint8 *
places_of (guint c, gsize n, gconstpointer data, guint64 *weight)
{
  guint8 *const *cond_sets = data;
  if (cond_sets[c] == NULL)
    return NULL;
  *weight = 0;
  for (gsize b = 0; b < n; b++)
    *weight += cond_sets[c][b] != 0;
  return g_memdup2 (cond_sets[c], n);
}

gboolean
dl_cql_anchor (const DlCql *q, guint8 *const *cond_sets, gsize n, guint8 *out)
{
  return walk_anchors (q, n, places_of, cond_sets, FALSE, out);
}

/* Condition @c alone, weighed by its cost (dl_cql_anchor_conds's). */
static guint8 *
cond_alone (guint c, gsize n, gconstpointer data, guint64 *weight)
{
  const guint64 *cost = data;
  if (cost[c] == G_MAXUINT64)
    return NULL;
  guint8 *set = g_new0 (guint8, n);
  set[c] = 1;
  *weight = cost[c];
  return set;
}

gboolean
dl_cql_anchor_conds (const DlCql *q, const guint64 *cost, guint8 *out)
{
  return walk_anchors (q, q->conds->len / 2, cond_alone, cost, TRUE, out);
}

guint
dl_cql_max_length (const DlCql *q)
{
  return q->max_len;
}

DlCqlWithin
dl_cql_within (const DlCql *q)
{
  return q->within;
}

gboolean
dl_cql_uses (const DlCql *q, DlCqlAttr attr)
{
  for (guint i = 0; i < q->n_tests; i++)
    if (q->tests[i].attr == attr)
      return TRUE;
  return FALSE;
}

guint
dl_cql_n_tests (const DlCql *q)
{
  return q->n_tests;
}

const char *
dl_cql_test_literal (const DlCql *q, guint i)
{
  g_return_val_if_fail (i < q->n_tests, NULL);
  const Test *t = &q->tests[i];
  if (t->nocase || strpbrk (t->pattern, "\\^$.|?*+()[]{}") != NULL)
    return NULL;
  return t->pattern;
}

DlCqlAttr
dl_cql_test_attr (const DlCql *q, guint i)
{
  g_return_val_if_fail (i < q->n_tests, DL_CQL_WORD);
  return q->tests[i].attr;
}

/* ---- running ---- */

struct _DlCqlRun {
  const DlCql *q;
  URegularExpression *re[MAX_TESTS];
  UText *ut;
  guint64 *at;   /* per move: the starts waiting there (bit k: k tokens ago) */
  guint64 *next; /* the same after the token */
  gint8 *met;    /* per condition, for the token: -1 not computed yet */
};

DlCqlRun *
dl_cql_run_new (const DlCql *q, GError **error)
{
  g_autoptr (DlCqlRun) r = g_new0 (DlCqlRun, 1);
  r->q = q;
  for (guint i = 0; i < q->n_tests; i++)
    {
      int32_t offset;
      UErrorCode st;
      if ((r->re[i] = regex_open (q->tests[i].pattern, q->tests[i].nocase, &offset, &st)) == NULL)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_ICU, _ ("ICU regular expression: %s"),
                       u_errorName (st));
          return NULL;
        }
    }
  r->at = g_new0 (guint64, MAX (q->n_moves, 1));
  r->next = g_new0 (guint64, MAX (q->n_moves, 1));
  r->met = g_new (gint8, MAX (q->conds->len / 2, 1));
  return g_steal_pointer (&r);
}

void
dl_cql_run_free (DlCqlRun *r)
{
  if (r == NULL)
    return;
  for (guint i = 0; i < MAX_TESTS; i++)
    g_clear_pointer (&r->re[i], uregex_close);
  if (r->ut != NULL)
    utext_close (r->ut);
  g_free (r->at);
  g_free (r->next);
  g_free (r->met);
  g_free (r);
}

gboolean
dl_cql_run_test (DlCqlRun *r, const char *const values[DL_CQL_ATTRS], guint64 *mask, GError **error)
{
  *mask = 0;
  gboolean ok = TRUE;
  for (guint i = 0; i < r->q->n_tests; i++)
    {
      const char *v = values[r->q->tests[i].attr];
      UErrorCode st = U_ZERO_ERROR;
      r->ut = utext_openUTF8 (r->ut, v, -1, &st);
      uregex_setUText (r->re[i], r->ut, &st);
      gboolean hit = U_SUCCESS (st) && uregex_matches (r->re[i], 0, &st);
      if (U_FAILURE (st))
        {
          /* The value may be a megabyte long: its start is enough. */
          if (ok)
            g_set_error (error, DL_ERROR, DL_ERROR_DATA,
                         _ ("the regular expression \"%s\" took too long on %.*s: counted as "
                            "no match"),
                         r->q->tests[i].pattern,
                         (int) (g_utf8_offset_to_pointer (v, MIN (g_utf8_strlen (v, -1), 40)) - v),
                         v);
          ok = FALSE;
          hit = FALSE;
        }
      if (hit)
        *mask |= G_GUINT64_CONSTANT (1) << i;
    }
  return ok;
}

void
dl_cql_run_reset (DlCqlRun *r)
{
  memset (r->at, 0, MAX (r->q->n_moves, 1) * sizeof *r->at);
}

/* Whether a token whose tests gave @mask meets condition @c. */
static gboolean
meets (DlCqlRun *r, guint c, guint64 mask)
{
  if (r->met[c] >= 0)
    return r->met[c];
  const guint *cond = &g_array_index (r->q->conds, guint, 2 * c);
  const Op *ops = &g_array_index (r->q->ops, Op, cond[0]);
  /* A condition has at most 2 * MAX_TESTS operands on its stack. */
  guint64 stack = 0; /* bits, top at bit 0 */
  for (guint i = 0; i < cond[1]; i++)
    switch (ops[i].kind)
      {
      case OP_TEST:
        stack = (stack << 1) | ((mask >> ops[i].test) & 1);
        break;
      case OP_ANY:
        stack = (stack << 1) | 1;
        break;
      case OP_NOT:
        stack ^= 1;
        break;
      case OP_AND:
        stack = (stack >> 1) & (stack | ~G_GUINT64_CONSTANT (1));
        break;
      case OP_OR:
        stack = (stack >> 1) | (stack & 1);
        break;
      }
  r->met[c] = (gint8) (stack & 1);
  return stack & 1;
}

guint
dl_cql_run_feed (DlCqlRun *r, guint64 mask)
{
  const DlCql *q = r->q;
  memset (r->met, -1, MAX (q->conds->len / 2, 1));
  /* A match may start at this token. */
  for (guint i = 0; i < q->n_start; i++)
    r->at[q->start[i]] |= 1;
  memset (r->next, 0, MAX (q->n_moves, 1) * sizeof *r->next);
  guint64 done = 0;
  for (guint i = 0; i < q->n_moves; i++)
    {
      guint64 b = r->at[i];
      if (b == 0 || !meets (r, q->moves[i].cond, mask))
        continue;
      const Move *m = &q->moves[i];
      if (m->accepts)
        done |= b;
      for (guint j = 0; j < m->n_next; j++)
        r->next[m->next[j]] |= b;
    }
  if (done != 0)
    {
      /* The earliest start; the next match starts after this one. */
      dl_cql_run_reset (r);
      return 64 - (guint) __builtin_clzll (done);
    }
  /* One token older: a start 63 tokens ago would make 65. */
  for (guint i = 0; i < q->n_moves; i++)
    r->at[i] = r->next[i] << 1;
  return 0;
}
