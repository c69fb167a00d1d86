/* measures.h — association measures of a node and a collocate (doc/DESIGN.md
 * §4) from their counts: the span-adjusted expected frequency, MI, MI3, T,
 * z, signed log-likelihood G², Dice and logDice. Pure arithmetic; every
 * result is finite for the counts a collocation list has (O11 ≥ 1). */
#ifndef DL_MEASURES_H
#define DL_MEASURES_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double o11;  /* co-occurrences of node and collocate in the windows, ≥ 1 */
  double f1;   /* node frequency, ≥ 1 */
  double f2;   /* collocate frequency, ≥ 1 */
  double n;    /* tokens of the language, ≥ 1 */
  double span; /* window slots per node occurrence, S = L + R, ≥ 1 */
} DlAssocCounts;

typedef struct {
  double expected; /* E11 = f1·f2·S / N */
  double mi;       /* log2 (O11 / E11) */
  double mi3;      /* log2 (O11³ / E11) */
  double t;        /* (O11 − E11) / √O11 */
  double z;        /* (O11 − E11) / √E11 */
  double ll;       /* G² over the 2×2 table, negative when O11 < E11 */
  double dice;     /* 2·O11 / (f1 + f2) */
  double logdice;  /* 14 + log2 (dice) */
} DlAssocScores;

/* The measures of @counts. The 2×2 table is O11, O12 = R1 − O11 with R1 =
 * f1·S, O21 = f2 − O11, O22 = N − R1 − f2 + O11, and each Eij is its row
 * total times its column total over N (so E11 is the expected above). When
 * overlapping windows make a cell negative (O11 > f2, or node windows
 * holding more slots than N), that cell is taken as 0 and G²'s expected
 * values come from the margins of the table so mended. */
void dl_assoc_scores (const DlAssocCounts *counts, DlAssocScores *scores);

/* The columns a collocation list can be sorted by. */
typedef enum {
  DL_MEASURE_COOC,
  DL_MEASURE_FREQ,
  DL_MEASURE_EXPECTED,
  DL_MEASURE_MI,
  DL_MEASURE_MI3,
  DL_MEASURE_T,
  DL_MEASURE_Z,
  DL_MEASURE_LL,
  DL_MEASURE_DICE,
  DL_MEASURE_LOGDICE,
  DL_MEASURE_LEFT,
  DL_MEASURE_RIGHT,
} DlMeasure;

/* Their names, as columns and --sort take them: "cooc" ... "right",
 * NULL-terminated, in DlMeasure order. */
extern const char *const dl_measure_names[];

G_END_DECLS

#endif /* DL_MEASURES_H */
