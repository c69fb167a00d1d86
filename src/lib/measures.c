/* measures.c — the association measures of doc/DESIGN.md §4, in doubles (counts
 * up to 2^53 are exact). */
#include "config.h"

#include "measures.h"

#include <math.h>

const char *const dl_measure_names[] = { "cooc", "freq", "expected", "mi",   "mi3",   "t", "z",
                                         "ll",   "dice", "logdice",  "left", "right", NULL };

/* o·ln(o/e) for o = e + @diff, 0·ln 0 = 0 (e is 0 only where its row or
 * column, hence o, is). log1p keeps the digits when o and e are close: in
 * a corpus of 10^9 tokens O22/E22 is 1 + 10^-9. */
static double
g_term (double o, double e, double diff)
{
  return o > 0 && e > 0 ? o * log1p (diff / e) : 0;
}

void
dl_assoc_scores (const DlAssocCounts *c, DlAssocScores *s)
{
  g_return_if_fail (c->o11 > 0 && c->f1 > 0 && c->f2 > 0 && c->n > 0 && c->span > 0);
  double e11 = c->f1 * c->f2 * c->span / c->n;
  s->expected = e11;
  s->mi = log2 (c->o11 / e11);
  s->mi3 = log2 (c->o11 * c->o11 * c->o11 / e11);
  s->t = (c->o11 - e11) / sqrt (c->o11);
  s->z = (c->o11 - e11) / sqrt (e11);
  s->dice = 2 * c->o11 / (c->f1 + c->f2);
  s->logdice = 14 + log2 (s->dice);

  double r1 = c->f1 * c->span;
  double o[4] = { c->o11, r1 - c->o11, c->f2 - c->o11, c->n - r1 - c->f2 + c->o11 };
  gboolean mended = FALSE;
  for (int i = 0; i < 4; i++)
    if (o[i] < 0)
      o[i] = 0, mended = TRUE;
  double g2;
  if (!mended)
    {
      /* Each cell is off its expected value by ±(O11 − E11). */
      double d = c->o11 - e11, n = c->n;
      g2 = 2
           * (g_term (o[0], e11, d) + g_term (o[1], r1 * (n - c->f2) / n, -d)
              + g_term (o[2], (n - r1) * c->f2 / n, -d)
              + g_term (o[3], (n - r1) * (n - c->f2) / n, d));
    }
  else
    {
      double row[2] = { o[0] + o[1], o[2] + o[3] }, col[2] = { o[0] + o[2], o[1] + o[3] };
      double n = row[0] + row[1];
      g2 = 0;
      for (int i = 0; i < 4; i++)
        {
          double e = row[i / 2] * col[i % 2] / n;
          g2 += 2 * g_term (o[i], e, o[i] - e);
        }
    }
  /* Rounding can leave a tiny negative sum where O = E. */
  g2 = fabs (g2);
  s->ll = c->o11 < e11 ? -g2 : g2;
}
