/* prefetch.h — asking the memory for what will be read soon, where the
 * compiler can (GCC, clang); nothing elsewhere. For loops over data that
 * lies all over memory (a lexicon's slots, a sorted list's items): the
 * misses of several iterations then overlap. */
#ifndef DL_PREFETCH_H
#define DL_PREFETCH_H

#if defined(__GNUC__)
#define DL_PREFETCH(p) __builtin_prefetch (p)
#else
#define DL_PREFETCH(p) ((void) (p))
#endif

#endif /* DL_PREFETCH_H */
