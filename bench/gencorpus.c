/* gencorpus — deterministic generator of large mixed Turkish/English corpora.
 *
 *   gencorpus [--seed N] SIZE OUTDIR
 *
 * SIZE is a byte count with an optional binary suffix K, M, G (10M = 10 MiB);
 * the output totals SIZE bytes within 1%.  Files are OUTDIR/doc-NNNNNN.txt,
 * UTF-8 (NFC), LF line ends.  Same seed and size give byte-identical output on
 * any machine: own PRNG (splitmix64 / xoshiro256**) and integer arithmetic
 * only.  Streaming: memory use is a few MB whatever SIZE is.
 *
 * Model, in short:
 *  - each language has a list of real function words (Zipf weights) and a
 *    content lexicon: ~250 real stems at the top ranks followed by an
 *    unbounded series of stems generated from a hash of their rank
 *    (Turkish syllable grammar with vowel harmony / English syllables);
 *    content stems are drawn with P(rank) ~ 1/(rank+10) over the top 255 ranks
 *    and ~ rank^-1.3 beyond, up to rank 2^28, so the vocabulary keeps growing
 *    with corpus size (Heaps' law);
 *  - Turkish words get suffix chains resolved by vowel harmony, consonant
 *    assimilation and softening (ülkelerin, yapılmıştır, kentlerdeki);
 *    English words get -s/-ed/-ing/-ly and derivational suffixes;
 *  - proper nouns and numbers take apostrophe suffixes (Ankara'da,
 *    Azerbaycan’ın, 1990’ların, 2020'de), both U+2019 and U+0027;
 *  - document types: Turkish article with English abstract (Öz / Anahtar
 *    Kelimeler / Abstract / Keywords / body / Kaynakça), Turkish plain text,
 *    English plain text, English text with Turkish quotations; layouts:
 *    paragraph per line, wrapped, or PDF-style (hard breaks every 60-100
 *    characters, blank line after every line, hyphenation, running headers
 *    and page numbers).
 *
 * Build: cc -O2 -o gencorpus gencorpus.c -lm
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

/* ------------------------------------------------------------ memory */

/* Allocation that cannot fail: a generator out of memory has nothing to
 * fall back on, so it says so and exits. */
static void *
xcheck (void *p)
{
  if (p == NULL)
    {
      fprintf (stderr, "gencorpus: out of memory\n");
      exit (1);
    }
  return p;
}

static void *
xmalloc (size_t n)
{
  return xcheck (malloc (n));
}

static void *
xcalloc (size_t n, size_t size)
{
  return xcheck (calloc (n, size));
}

static void *
xrealloc (void *p, size_t n)
{
  return xcheck (realloc (p, n));
}

/* ------------------------------------------------------------------ PRNG */

static uint64_t
sm64 (uint64_t *x)
{
  uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static uint64_t
mix64 (uint64_t z)
{
  return sm64 (&z);
}

typedef struct {
  uint64_t s[4];
} rng_t;

static void
rseed (rng_t *r, uint64_t seed)
{
  uint64_t x = seed;
  for (int i = 0; i < 4; i++)
    r->s[i] = sm64 (&x);
}

static inline uint64_t
rotl (uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rnext (rng_t *r)
{
  uint64_t *s = r->s;
  uint64_t res = rotl (s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return res;
}

/* uniform in [0, n) (multiply-shift, deterministic) */
static inline uint32_t
rbelow (rng_t *r, uint32_t n)
{
  return (uint32_t) (((rnext (r) >> 32) * (uint64_t) n) >> 32);
}
static inline uint32_t
rrange (rng_t *r, uint32_t lo, uint32_t hi)
{
  return lo + rbelow (r, hi - lo + 1);
}
/* true with probability p/1000 */
static inline int
rperm (rng_t *r, uint32_t p)
{
  return rbelow (r, 1000) < p;
}

/* hash-driven mini generator for rank -> word construction */
typedef struct {
  uint64_t x;
} hrng_t;
static inline uint32_t
hbelow (hrng_t *h, uint32_t n)
{
  return (uint32_t) (((sm64 (&h->x) >> 32) * (uint64_t) n) >> 32);
}

/* 65536 * 2^(j/16), j = 0..16 */
static const uint32_t OCT16[17]
    = { 65536, 68438,  71468,  74632,  77936,  81386,  84990,  88752, 92682,
        96785, 101070, 105545, 110218, 115098, 120194, 125515, 131072 };
#define LN2_2_32 2977044472ULL /* 2^32 * ln 2 */

/* log-uniform integer in [lo, hi], lo >= 1 */
static uint64_t
loguniform (rng_t *r, uint64_t lo, uint64_t hi)
{
  if (hi <= lo)
    return lo;
  int oct = 0;
  while ((lo << oct) < hi && oct < 40)
    oct++;
  for (;;)
    {
      uint32_t idx = rbelow (r, 16u * (uint32_t) oct);
      uint32_t k = idx >> 4, j = idx & 15;
      uint64_t a = ((lo << k) * OCT16[j]) >> 16, b = ((lo << k) * OCT16[j + 1]) >> 16;
      uint64_t v = a + (b > a ? rnext (r) % (b - a) : 0);
      if (v >= lo && v <= hi)
        return v;
    }
}

/* ----------------------------------------------------------- Zipf sampler
 * ranks 1..T-1 from a cumulative table with weight floor(2^32/(r+q));
 * ranks T .. T*2^B in 16 log-spaced sub-buckets per octave: sub-bucket i has
 * weight (2^32 ln2 / 16) * (F16/65536)^i, i.e. density ~ 1/r (F16 = 65536) or
 * steeper (r^-(1+a) with F16 = 65536 * 2^(-a/16)); uniform inside a bucket. */
typedef struct {
  uint32_t T, nb;
  uint64_t *cum;  /* cum[i] = weight of ranks 1..i */
  uint64_t *tcum; /* tcum[i] = weight of sub-buckets 0..i */
  uint64_t head, total;
  uint32_t *hguide, *tguide; /* search start for each 1/ZG of the head/tail weight */
} zipf_t;
#define ZG 4096

static void
zipf_init (zipf_t *z, uint32_t T, uint32_t q, uint32_t B, uint32_t F16)
{
  z->T = T;
  z->nb = 16 * B;
  z->cum = xmalloc (sizeof (uint64_t) * T);
  z->cum[0] = 0;
  for (uint32_t r = 1; r < T; r++)
    z->cum[r] = z->cum[r - 1] + ((1ULL << 32) / (r + q));
  z->head = z->cum[T - 1];
  z->tcum = xmalloc (sizeof (uint64_t) * (z->nb + 1));
  uint64_t w = LN2_2_32 / 16, acc = 0;
  for (uint32_t i = 0; i < z->nb; i++)
    {
      acc += w;
      z->tcum[i] = acc;
      w = (w * F16) >> 16;
    }
  z->total = z->head + acc;
  /* guide tables: first index whose cumulative weight exceeds k/ZG of the part */
  z->hguide = xmalloc (sizeof (uint32_t) * ZG);
  z->tguide = xmalloc (sizeof (uint32_t) * ZG);
  for (uint32_t k = 0, i = 1; k < ZG; k++)
    {
      uint64_t lim = z->head * k / ZG;
      while (i < T - 1 && z->cum[i] <= lim)
        i++;
      z->hguide[k] = i;
    }
  for (uint32_t k = 0, i = 0; k < ZG; k++)
    {
      uint64_t lim = acc * k / ZG;
      while (z->nb && i < z->nb - 1 && z->tcum[i] <= lim)
        i++;
      z->tguide[k] = i;
    }
  if (z->total >= (1ULL << 36))
    {
      fprintf (stderr, "gencorpus: internal error: Zipf table too heavy\n");
      exit (1);
    }
}

static uint64_t
zipf_draw (zipf_t *z, rng_t *r)
{
  uint64_t u = ((rnext (r) >> 36) * z->total) >> 28; /* total < 2^36 */
  uint32_t lo;
  if (u < z->head)
    { /* smallest i with cum[i] > u */
      lo = z->hguide[u * ZG / z->head];
      while (z->cum[lo] <= u)
        lo++;
      return lo;
    }
  u -= z->head;
  lo = z->tguide[u * ZG / (z->total - z->head)];
  while (z->tcum[lo] <= u)
    lo++;
  uint32_t k = lo >> 4, j = lo & 15;
  uint64_t base = (uint64_t) z->T << k;
  uint64_t a = (base * OCT16[j]) >> 16, b = (base * OCT16[j + 1]) >> 16;
  return a + (b > a ? rbelow (r, (uint32_t) (b - a)) : 0);
}

/* weighted choice from a small integer weight table */
static int
wpick (rng_t *r, const uint16_t *w, int n, uint32_t total)
{
  uint32_t u = rbelow (r, total);
  for (int i = 0; i < n; i++)
    {
      if (u < w[i])
        return i;
      u -= w[i];
    }
  return n - 1;
}

/* --------------------------------------------------------------- buffers */

typedef struct {
  char *p;
  size_t n, cap;
} buf_t;

static void
bgrow (buf_t *b, size_t extra)
{
  if (b->n + extra + 1 > b->cap)
    {
      size_t c = b->cap ? b->cap : 256;
      while (c < b->n + extra + 1)
        c *= 2;
      b->p = xrealloc (b->p, c);
      b->cap = c;
    }
}
static inline void
bput (buf_t *b, const char *s, size_t n)
{
  bgrow (b, n);
  memcpy (b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}
static inline void
bputs (buf_t *b, const char *s)
{
  bput (b, s, strlen (s));
}
static inline void
bputc (buf_t *b, char c)
{
  bput (b, &c, 1);
}
static void
bputu (buf_t *b, uint64_t v)
{
  char t[24];
  int n = 0;
  do
    {
      t[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v);
  bgrow (b, (size_t) n);
  while (n)
    b->p[b->n++] = t[--n];
  b->p[b->n] = 0;
}
static void
bputu0 (buf_t *b, unsigned v, int width)
{
  char t[16];
  int n = 0;
  do
    {
      t[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v);
  while (n < width)
    t[n++] = '0';
  while (n)
    bputc (b, t[--n]);
}

/* ----------------------------------------------------------- word lists */

enum { POS_N = 0, POS_V = 1, POS_A = 2 };
enum { F_HARD = 1 };

typedef struct {
  const char **w;
  unsigned char *len, *pos, *flags;
  int n;
} wlist_t;

/* space separated; trailing markers: '-' verb, '~' adjective/invariant, '!' hard */
static void
wl_init (wlist_t *l, const char *src)
{
  int cap = 64;
  l->w = xmalloc (sizeof (char *) * cap);
  l->len = xmalloc (cap);
  l->pos = xmalloc (cap);
  l->flags = xmalloc (cap);
  l->n = 0;
  const char *p = src;
  while (*p)
    {
      while (*p == ' ' || *p == '\n')
        p++;
      if (!*p)
        break;
      const char *s = p;
      while (*p && *p != ' ' && *p != '\n')
        p++;
      size_t n = (size_t) (p - s);
      unsigned char pos = POS_N, fl = 0;
      while (n > 1 && (s[n - 1] == '-' || s[n - 1] == '~' || s[n - 1] == '!'))
        {
          if (s[n - 1] == '-')
            pos = POS_V;
          else if (s[n - 1] == '~')
            pos = POS_A;
          else
            fl |= F_HARD;
          n--;
        }
      if (l->n == cap)
        {
          cap *= 2;
          l->w = xrealloc (l->w, sizeof (char *) * cap);
          l->len = xrealloc (l->len, cap);
          l->pos = xrealloc (l->pos, cap);
          l->flags = xrealloc (l->flags, cap);
        }
      char *w = xmalloc (n + 1);
      memcpy (w, s, n);
      w[n] = 0;
      for (size_t i = 0; i < n; i++)
        if (w[i] == '_')
          w[i] = ' ';
      l->w[l->n] = w;
      l->len[l->n] = (unsigned char) n;
      l->pos[l->n] = pos;
      l->flags[l->n] = fl;
      l->n++;
    }
}

static const char *
wl_pick (const wlist_t *l, rng_t *r)
{
  return l->w[rbelow (r, (uint32_t) l->n)];
}

/* Turkish function words, by rank */
static const char TR_FUNC_SRC[]
    = "ve bir bu da de ile için olarak olan gibi daha çok en ama ancak kadar sonra göre arasında "
      "tarafından her ise ki o ne veya hem değil var olduğu olduğunu şekilde ayrıca böyle bunun "
      "bunu şu çünkü yani diğer aynı önce üzerinde içinde karşı özellikle yeni büyük önemli ilk "
      "bazı tüm bütün birçok nasıl neden hangi kendi onun olması olmak oldu olup bile sadece "
      "yalnızca artık hep hiç yok mi üzere dolayı rağmen beri itibaren birlikte ilgili yönelik ait "
      "ya bunlar onlar biz ben siz şey kez hâlâ henüz çeşitli genel temel söz";

/* Turkish content stems (nouns unless marked), roughly by frequency */
static const char TR_CONT_SRC[]
    = "yıl ol- dil çalışma ülke toplum yap- zaman insan dünya devlet süreç kent araştırma eğitim "
      "sonuç ver- durum bilgi kültür tarih siyasi~ alan ekonomik~ sosyal~ ilişki dönem al- "
      "gel- yapı gör- bil- sistem etki kurum karar hak hukuk! sorun konu bölge nüfus aile kadın "
      "çocuk iş güç savaş ulusal~ uluslararası~ yerel~ değişim gelişme amaç yöntem veri analiz "
      "model kavram düşünce anlam kelime eser yazar edebiyat şiir roman kullan- sanat din inanç "
      "millet halk vatandaş seçim parti hükümet meclis başkan lider ordu sınır göç enerji su "
      "toprak "
      "tarım sanayi ticaret pazar fiyat para bütçe vergi yatırım şirket sektör üretim tüketim "
      "teknoloji medya haber gazete sağlık hastalık tedavi risk güvenlik tehdit kriz çatışma "
      "işbirliği anlaşma örgüt birlik küresel~ kültürel~ tarihsel~ toplumsal~ kentsel~ bölgesel~ "
      "önem rol katkı destek baskı talep ihtiyaç kaynak hizmet yönetim strateji plan proje program "
      "faaliyet uygulama politika yaklaşım çerçeve boyut düzey oran sayı miktar ölçek grup örnek "
      "koşul ortam çevre doğa iklim deniz yol belirle- incele- değerlendir- oluştur- sağla- "
      "göster- anla- düşün- yaşa- çalış- geliştir- artır- azal- değiş- koru- yönet- tartış- "
      "karşılaş- yaz- oku- söyle- konuş- başla- sür- kur- seç- izle- ara- taşı- dönüştür- belirt- "
      "bul- iste- çık- kimlik öğrenci öğretmen okul üniversite dergi kitap metin! söylem "
      "ideoloji demokrasi modernleşme küreselleşme kamuoyu bakış görüş tutum davranış algı "
      "deneyim beceri başarı eleştiri yorum çeviri terim sözcük cümle anlatı karakter kahraman "
      "ses biçim içerik kapsam nitelik özellik farklılık benzerlik eşitlik özgürlük adalet "
      "self-determinasyon sosyo-ekonomik~ sosyo-kültürel~ siyasal~ dilsel~ akademik~ resmi~ "
      "modern~ geleneksel~ temel~ ortak~ farklı~ benzer~ mevcut~ olası~ gerekli~ doğrudan~ "
      "bağımsız~ etkili~ güçlü~ zayıf~ kırsal~ merkezi~";

static const char EN_FUNC_SRC[]
    = "the of and to in a is that for it as with was on by be are this from at or which an not "
      "have has had but were their its they also can been more these such between other than all "
      "into would there who he his we our one two most only both however through within under may "
      "during so if about some those them when how what no first new after over while where each "
      "many much very because should could will must";

static const char EN_CONT_SRC[]
    = "study analysis research data result language development government policy state country "
      "people time year world education student teacher school university knowledge culture "
      "history system process structure institution decision law problem issue area region "
      "population city village family woman! child! work power war peace relationship period "
      "century change growth effect impact approach method model theory concept meaning text "
      "author literature identity community society economy market trade energy security conflict "
      "cooperation agreement organization union citizen election party parliament minister "
      "president leader border migration water land industry price money budget investment "
      "company sector production technology media health risk crisis role support demand need "
      "resource service management strategy framework level rate number group example case "
      "condition environment nation religion translation term word sentence corpus frequency "
      "use- show- provide- develop- increase- examine- suggest- include- consider- find-! make-! "
      "take-! give-! become-! describe- argue- indicate- reflect- affect- remain- represent- "
      "establish- explain- identify- social~ political~ economic~ cultural~ historical~ "
      "national~ international~ local~ regional~ global~ important~ different~ significant~ "
      "public~ large~ small~ major~ current~ recent~ specific~ general~ various~ similar~ "
      "possible~ available~ modern~ traditional~ linguistic~ urban~ rural~ foreign~ official~ "
      "self-determination decision-making long-term~ well-known~ socio-economic~ post-war~ "
      "discourse ideology democracy modernization globalization opinion perspective attitude "
      "behaviour perception experience skill success criticism interpretation narrative "
      "character voice form content scope quality feature difference similarity equality "
      "freedom justice reform movement revolution empire republic minority majority rights "
      "tradition heritage poetry novel newspaper television internet network";

static const char TR_OPENERS_SRC[]
    = "Bu_çalışmada Bu_bağlamda, Öte_yandan, Diğer_taraftan, Sonuç_olarak, Bununla_birlikte, "
      "Ayrıca Bu_nedenle Söz_konusu Özellikle Buna_göre, Başka_bir_deyişle, Bu_açıdan "
      "Dolayısıyla Nitekim Ancak Örneğin Genel_olarak Bu_araştırmada Benzer_şekilde";
static const char EN_OPENERS_SRC[]
    = "In_this_study, However, On_the_other_hand, As_a_result, In_addition, For_example, "
      "Moreover, Therefore, In_particular, Similarly, Nevertheless, In_this_context, "
      "Furthermore, In_other_words, Thus, Consequently, At_the_same_time, In_contrast,";
static const char TR_VERBEND_SRC[]
    = "söz_konusudur önem_taşımaktadır bulunmaktadır görülmektedir ortaya_çıkmaktadır "
      "dikkat_çekmektedir söylenebilir gerekmektedir vardır yoktur olmuştur ele_alınmıştır "
      "tespit_edilmiştir ifade_edilmektedir kabul_edilmektedir dikkate_alınmalıdır "
      "amaçlanmaktadır belirtilmektedir";

static const char TR_PLACES_SRC[]
    = "Türkiye Ankara İstanbul İzmir Bursa Antalya Konya Adana Erzurum Diyarbakır Trabzon Samsun "
      "Kayseri Eskişehir Çanakkale Şanlıurfa Muğla Iğdır Kars Van Sivas Malatya Gaziantep "
      "Azerbaycan Bakü Gürcistan Ermenistan İran Irak Suriye Rusya Almanya Fransa İngiltere "
      "Yunanistan Bulgaristan Kıbrıs Avrupa Asya Afrika Amerika Çin Japonya Hindistan Mısır "
      "Anadolu Kafkasya Balkanlar Ortadoğu Karadeniz Akdeniz Ege Marmara Londra Paris Berlin "
      "Moskova Washington Orhun Osmanlı Selçuklu";
/* acronyms with their Turkish reading (for suffix harmony) */
static const char TR_ACRO_SRC[] = "AB ABD BM NATO TBMM TÜİK UNESCO AGİT TDK OECD İHA TRT";
static const char TR_ACRO_SND_SRC[]
    = "abe abede beme nato tebememe tüik unesko agit tedeke oecede iha terete";
static const char TR_FIRST_SRC[]
    = "Ayşe Mehmet Zeynep Ahmet Fatma Mustafa Emine Ali Hatice Hüseyin Elif Hasan Merve İbrahim "
      "Özlem Ömer Şükrü Gülşen Çağla Ümit Işıl İlker Büşra Oğuz Gökhan Sevgi Erdem Tuğba Burak "
      "Deniz Cem Nihal Yusuf Aslı Kemal Orhan Halide Sabahattin Yaşar Nazım";
static const char TR_SUR_SRC[]
    = "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
      "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Güneş Erdoğan Akın Uçar Karaca Tekin Ünal "
      "Bulut Ergin Işık Güler Sarı Kocabaş Ekinci Tunç Pamuk Karpat İnalcık Köprülü Ortaylı";
static const char EN_PLACES_SRC[]
    = "London Washington Europe Turkey Istanbul Ankara Germany France Russia Britain Azerbaijan "
      "Iran Iraq Syria Greece Cyprus China India Japan Egypt America Anatolia Oxford Cambridge "
      "Chicago Boston California Canada Australia Brussels Vienna";
static const char EN_FIRST_SRC[]
    = "John Mary David Sarah Michael Elizabeth James Jennifer Robert Linda William Emma Richard "
      "Anna Thomas Laura Charles Helen Daniel Susan Peter Karen Paul Alice Mark Julia George "
      "Rachel";
static const char EN_SUR_SRC[]
    = "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
      "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott "
      "Hill "
      "Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans "
      "Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Howard "
      "Ward Gray Hughes Price Watson Brooks Kelly Bennett Wood Barnes Ross Fisher Lewis Kinross";
static const char TR_JOURNAL_SRC[]
    = "Bilig|Türk_Dili_Araştırmaları_Yıllığı_-_Belleten|Uluslararası_İlişkiler_Dergisi|"
      "Hacettepe_Üniversitesi_Eğitim_Fakültesi_Dergisi|Dil_ve_Edebiyat_Dergisi|"
      "Ankara_Üniversitesi_Dil_ve_Tarih-Coğrafya_Fakültesi_Dergisi|Türk_Kültürü_İncelemeleri_"
      "Dergisi|"
      "Selçuk_Üniversitesi_Sosyal_Bilimler_Enstitüsü_Dergisi|Çukurova_Üniversitesi_İİBF_Dergisi|"
      "Atatürk_Üniversitesi_Sosyal_Bilimler_Enstitüsü_Dergisi|Kırıkkale_Üniversitesi_Sosyal_"
      "Bilimler_Dergisi";
static const char EN_JOURNAL_SRC[]
    = "Journal_of_Eurasian_Studies|Middle_Eastern_Studies|Turkish_Studies|Language_in_Society|"
      "Journal_of_Pragmatics|Corpus_Linguistics_and_Linguistic_Theory|New_Perspectives_on_Turkey|"
      "International_Journal_of_Middle_East_Studies|Applied_Linguistics|Nationalities_Papers";
static const char TR_UNI_SRC[]
    = "Ankara_Üniversitesi:ankara.edu.tr|Hacettepe_Üniversitesi:hacettepe.edu.tr|"
      "Orta_Doğu_Teknik_Üniversitesi:metu.edu.tr|Boğaziçi_Üniversitesi:boun.edu.tr|"
      "İstanbul_Üniversitesi:istanbul.edu.tr|Ege_Üniversitesi:ege.edu.tr|"
      "Atatürk_Üniversitesi:atauni.edu.tr|Çukurova_Üniversitesi:cu.edu.tr|"
      "Dokuz_Eylül_Üniversitesi:deu.edu.tr|Gazi_Üniversitesi:gazi.edu.tr|"
      "Selçuk_Üniversitesi:selcuk.edu.tr|Kırıkkale_Üniversitesi:kku.edu.tr|"
      "Muğla_Sıtkı_Koçman_Üniversitesi:mu.edu.tr|Iğdır_Üniversitesi:igdir.edu.tr";
static const char TR_FAC_SRC[]
    = "Fen-Edebiyat_Fakültesi|İktisadi_ve_İdari_Bilimler_Fakültesi|Eğitim_Fakültesi|"
      "Dil_ve_Tarih-Coğrafya_Fakültesi|Siyasal_Bilgiler_Fakültesi|İletişim_Fakültesi";
static const char TR_DEPT_SRC[] = "Türk_Dili_ve_Edebiyatı_Bölümü|Uluslararası_İlişkiler_Bölümü|"
                                  "İngiliz_Dili_ve_Edebiyatı_Bölümü|"
                                  "Sosyoloji_Bölümü|Tarih_Bölümü|Kamu_Yönetimi_Bölümü|Dilbilim_"
                                  "Bölümü|Mütercim-Tercümanlık_Bölümü";
static const char TR_TITLE_SRC[] = "Prof._Dr.|Doç._Dr.|Dr._Öğr._Üyesi|Arş._Gör.|Dr.|Öğr._Gör.";
static const char PUBL_SRC[]
    = "Ankara:_Türk_Tarih_Kurumu_Yayınları|İstanbul:_İletişim_Yayınları|İstanbul:_Yapı_Kredi_"
      "Yayınları|"
      "Ankara:_İmge_Kitabevi|İstanbul:_Ötüken_Neşriyat|Ankara:_Seçkin_Yayıncılık|"
      "Ankara:_Türk_Dil_Kurumu_Yayınları|London:_Routledge|Oxford:_Oxford_University_Press|"
      "Cambridge:_Cambridge_University_Press|New_York:_Palgrave_Macmillan";
static const char TR_MONTHS_SRC[]
    = "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık";
static const char EN_MONTHS_SRC[]
    = "January February March April May June July August September October November December";
static const char TR_SECT_SRC[]
    = "Kavramsal_Çerçeve|Yöntem|Bulgular|Tartışma|Literatür_Taraması|Tarihsel_Arka_Plan|"
      "Verilerin_Analizi|Araştırmanın_Sınırlılıkları|Bulgular_ve_Yorum|Kuramsal_Yaklaşımlar";
static const char EN_SECT_SRC[] = "Literature_Review|Methodology|Findings|Discussion|Theoretical_"
                                  "Framework|Historical_Background|"
                                  "Data_and_Methods|Results|Limitations|Case_Study";

/* '|'-separated list, '_' becomes space */
static wlist_t
wl_bar (const char *src)
{
  size_t n = strlen (src);
  char *tmp = xmalloc (n + 1);
  for (size_t i = 0; i <= n; i++)
    tmp[i] = src[i] == ' ' ? '\x01' : src[i] == '|' ? ' ' : src[i];
  wlist_t l;
  wl_init (&l, tmp);
  for (int i = 0; i < l.n; i++)
    {
      char *w = (char *) l.w[i];
      for (char *c = w; *c; c++)
        if (*c == '\x01')
          *c = ' ';
    }
  free (tmp);
  return l;
}

static wlist_t TR_FUNC, TR_CONT, EN_FUNC, EN_CONT, TR_OPEN, EN_OPEN, TR_VEND, TR_PLACES, TR_ACRO,
    TR_ACRO_SND, TR_FIRST, TR_SUR, EN_PLACES, EN_FIRST, EN_SUR, TR_JOUR, EN_JOUR, TR_UNI, TR_FAC,
    TR_DEPT, TR_TITLE, PUBL, TR_MONTHS, EN_MONTHS, TR_SECT, EN_SECT;

/* ------------------------------------------------------------ samplers */

#define STEM_RANK_Q 10
#define STEM_HEAD 256
#define STEM_TAIL_F16 64690 /* 65536 * 2^(-0.3/16): tail density ~ r^-1.3 */
static zipf_t Z_TR_FUNC, Z_EN_FUNC, Z_TR_CONT, Z_EN_CONT;

/* --------------------------------------------------- Turkish phonology */

/* vowel codes: 0 a, 1 ı, 2 o, 3 u, 4 e, 5 i, 6 ö, 7 ü; back = <4; round = 2,3,6,7 */
typedef struct {
  int v;  /* last vowel or -1 */
  int ev; /* ends with vowel */
  int vl; /* ends with voiceless consonant */
  int nv; /* number of vowels */
} ph_t;

/* decode one code point starting at s (UTF-8, Turkish letters only matter);
 * returns: vowel code 0..7, or 8 + consonant class (8 voiced, 9 voiceless), or -1 */
static int
tr_class (const unsigned char *s, int *adv)
{
  unsigned c = s[0];
  if (c < 0x80)
    {
      *adv = 1;
      switch (c)
        {
        case 'a':
        case 'A':
          return 0;
        case 'I':
          return 1;
        case 'o':
        case 'O':
          return 2;
        case 'u':
        case 'U':
          return 3;
        case 'e':
        case 'E':
          return 4;
        case 'i':
          return 5;
        case 'f':
        case 's':
        case 't':
        case 'k':
        case 'h':
        case 'p':
        case 'F':
        case 'S':
        case 'T':
        case 'K':
        case 'H':
        case 'P':
          return 9;
        default:
          if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return 8;
          return -1;
        }
    }
  if ((c & 0xE0) == 0xC0)
    {
      *adv = 2;
      unsigned d = s[1];
      if (c == 0xC4 && d == 0xB1)
        return 1; /* ı */
      if (c == 0xC4 && d == 0xB0)
        return 5; /* İ */
      if (c == 0xC3 && (d == 0xB6 || d == 0x96))
        return 6; /* ö Ö */
      if (c == 0xC3 && (d == 0xBC || d == 0x9C))
        return 7; /* ü Ü */
      if (c == 0xC3 && (d == 0xA2 || d == 0x82))
        return 0; /* â */
      if (c == 0xC3 && (d == 0xAE || d == 0x8E))
        return 5; /* î */
      if (c == 0xC3 && (d == 0xBB || d == 0x9B))
        return 3; /* û */
      if (c == 0xC3 && (d == 0xA7 || d == 0x87))
        return 9; /* ç */
      if (c == 0xC5 && (d == 0x9F || d == 0x9E))
        return 9; /* ş */
      if (c == 0xC4 && (d == 0x9F || d == 0x9E))
        return 8; /* ğ */
      return -1;
    }
  *adv = (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  return -1;
}

static void
ph_feed (ph_t *p, const char *s, int n)
{
  const unsigned char *u = (const unsigned char *) s;
  int i = 0;
  while (i < n)
    {
      int adv;
      int k = tr_class (u + i, &adv);
      if (k >= 0 && k < 8)
        {
          p->v = k;
          p->ev = 1;
          p->vl = 0;
          p->nv++;
        }
      else if (k >= 8)
        {
          p->ev = 0;
          p->vl = k == 9;
        }
      i += adv;
    }
}

static ph_t
ph_of (const char *s, int n)
{
  ph_t p = { -1, 0, 0, 0 };
  ph_feed (&p, s, n);
  return p;
}

/* Turkish reading of the last word of a number (for 1990'ların, 2020'de) */
static ph_t
ph_number (uint64_t n)
{
  static const char *ones[]
      = { "", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz" };
  static const char *tens[]
      = { "", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan" };
  const char *w;
  if (n == 0)
    w = "sıfır";
  else if (n % 10)
    w = ones[n % 10];
  else if (n % 100)
    w = tens[(n / 10) % 10];
  else if (n % 1000)
    w = "yüz";
  else if (n % 1000000)
    w = "bin";
  else
    w = "milyon";
  return ph_of (w, (int) strlen (w));
}

/* word under construction: written form w, and sound form (for harmony).
 * For ordinary words the sound is the word itself. */
typedef struct {
  buf_t *w;
  ph_t ph;
  int soft;        /* softening of the stem's final consonant allowed */
  size_t start;    /* start of the word (or of the suffixes) in w */
  size_t stem_end; /* suffix-final consonants (-lIk, -DIk, -AcAk) always soften */
} trw_t;

static void
trw_app (trw_t *t, const char *s, int n)
{
  bput (t->w, s, (size_t) n);
  ph_feed (&t->ph, s, n);
}

/* append the vowel selected by archiphoneme A or I */
static void
trw_vowel (trw_t *t, char arch)
{
  int v = t->ph.v < 0 ? 4 : t->ph.v;
  const char *s;
  if (arch == 'A')
    s = v < 4 ? "a" : "e";
  else
    s = (v == 0 || v == 1) ? "ı" : (v == 2 || v == 3) ? "u" : (v == 4 || v == 5) ? "i" : "ü";
  trw_app (t, s, (int) strlen (s));
}

/* k->ğ, p->b, ç->c (nk->ng) before a vowel-initial suffix, polysyllabic stems */
static void
trw_soften (trw_t *t)
{
  buf_t *b = t->w;
  if ((!t->soft && b->n <= t->stem_end) || t->ph.nv < 2 || t->ph.ev)
    return;
  if (b->n < t->start + 2)
    return;
  char *e = b->p + b->n;
  if (e[-1] == 'k')
    {
      if (e[-2] == 'n')
        {
          e[-1] = 'g';
        }
      else
        {
          b->n--;
          bput (b, "ğ", 2);
        }
    }
  else if (e[-1] == 'p')
    {
      e[-1] = 'b';
    }
  else if ((unsigned char) e[-2] == 0xC3 && (unsigned char) e[-1] == 0xA7)
    {
      b->n -= 2;
      bputc (b, 'c');
    }
  t->ph.vl = 0;
}

static int
is_vowel_arch (char c)
{
  return c == 'A' || c == 'I' || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* apply one morpheme template:
 *   A I    two- and four-way harmony vowels     D C   d/t, c/ç
 *   (y) (n) (s)  buffer consonant after a vowel  (I)  vowel after a consonant
 *   <      drop a stem-final a/e (narrowing before -Iyor)
 *   P      passive: -n after a vowel, -In after l, -Il otherwise */
static void
trw_morph (trw_t *t, const char *m, int mlen)
{
  int first = 1;
  for (int i = 0; i < mlen;)
    {
      char c = m[i];
      if (c == '<')
        {
          buf_t *b = t->w;
          if (t->ph.ev && b->n > t->start + 2 && (b->p[b->n - 1] == 'a' || b->p[b->n - 1] == 'e'))
            {
              b->n--;
              b->p[b->n] = 0;
              t->ph = ph_of (b->p + t->start, (int) (b->n - t->start));
            }
          i++;
          continue;
        }
      if (c == '(')
        {
          char x = m[i + 1];
          i += 3;
          if (x == 'I')
            {
              if (!t->ph.ev)
                {
                  if (first)
                    trw_soften (t);
                  trw_vowel (t, 'I');
                  first = 0;
                }
            }
          else if (t->ph.ev)
            {
              trw_app (t, &x, 1);
              first = 0;
            }
          continue;
        }
      if (c == 'P')
        {
          if (t->ph.ev)
            trw_app (t, "n", 1);
          else if (t->w->p[t->w->n - 1] == 'l')
            {
              trw_vowel (t, 'I');
              trw_app (t, "n", 1);
            }
          else
            {
              trw_vowel (t, 'I');
              trw_app (t, "l", 1);
            }
          first = 0;
          i++;
          continue;
        }
      if (first && is_vowel_arch (c))
        trw_soften (t);
      first = 0;
      if (c == 'A' || c == 'I')
        {
          trw_vowel (t, c);
          i++;
        }
      else if (c == 'D')
        {
          trw_app (t, t->ph.vl ? "t" : "d", 1);
          i++;
        }
      else if (c == 'C')
        {
          if (t->ph.vl)
            trw_app (t, "ç", 2);
          else
            trw_app (t, "c", 1);
          i++;
        }
      else
        {
          int adv = 1;
          unsigned char u = (unsigned char) c;
          if (u >= 0xC0)
            adv = (u & 0xE0) == 0xC0 ? 2 : 3;
          trw_app (t, m + i, adv);
          i += adv;
        }
    }
}

static void
trw_chain (trw_t *t, const char *chain)
{
  const char *p = chain;
  while (*p)
    {
      const char *e = strchr (p, '+');
      int n = e ? (int) (e - p) : (int) strlen (p);
      trw_morph (t, p, n);
      p += n;
      if (*p == '+')
        p++;
    }
}

typedef struct {
  uint16_t w;
  const char *c;
} chain_t;

static const chain_t TR_NCHAIN[] = {
  { 300, "" },         { 70, "lAr" },       { 70, "(n)In" },      { 55, "(y)I" },
  { 55, "DA" },        { 45, "DAn" },       { 45, "(y)A" },       { 70, "(s)I" },
  { 40, "lAr+I" },     { 35, "lAr+(n)In" }, { 25, "lAr+DA" },     { 20, "lAr+DAn" },
  { 15, "lAr+(y)A" },  { 20, "lAr+(y)I" },  { 30, "(s)I+(n)In" }, { 25, "(s)I+nDA" },
  { 15, "(s)I+nDAn" }, { 15, "(s)I+nA" },   { 15, "(s)I+nI" },    { 20, "lAr+I+(n)In" },
  { 15, "lAr+I+nDA" }, { 10, "lAr+I+nA" },  { 20, "DIr" },        { 15, "(y)lA" },
  { 20, "lI" },        { 20, "lIk" },       { 8, "sIz" },         { 15, "DA+ki" },
  { 8, "lAr+DA+ki" },  { 10, "lIk+(y)I" },  { 10, "lI+lIk" },     { 8, "CI" },
  { 8, "lAr+DIr" },    { 6, "lIk+lAr+I" },  { 6, "DAn+DIr" },     { 6, "(s)I+nDA+ki" },
  { 5, "lAr+I+nDAn" }, { 5, "lAş+mA" },     { 4, "sIz+lIk" },     { 4, "CI+lIk" },
};
static const chain_t TR_VCHAIN[] = {
  { 60, "mAk" },
  { 50, "mA+(s)I" },
  { 70, "(y)An" },
  { 35, "mIş" },
  { 60, "mIştIr" },
  { 40, "<(I)yor" },
  { 15, "<(I)yor+lAr" },
  { 40, "DI" },
  { 30, "(y)AcAk" },
  { 50, "(y)ArAk" },
  { 60, "mAktA+DIr" },
  { 40, "DIk+(s)I" },
  { 20, "DIk+(s)I+nI" },
  { 15, "mA+(s)I+nA" },
  { 30, "P+mIştIr" },
  { 30, "P+mAktA+DIr" },
  { 20, "P+(y)An" },
  { 15, "(y)Abil+Ir" },
  { 10, "mA+mIştIr" },
  { 15, "(y)An+lAr" },
  { 10, "(y)Ip" },
  { 10, "DIk+(s)I+nDA" },
  { 10, "(y)AcAk+lAr" },
  { 8, "mIş+DIr" },
  { 8, "P+mA+(s)I" },
  { 8, "(y)AbilmAk" },
  { 6, "mAk+tA" },
  { 6, "DI+lAr" },
  { 5, "(y)AcAk+(s)I+nI" },
  { 5, "P+DI" },
};
static const chain_t TR_VFIN[] = {
  { 60, "mIştIr" },     { 70, "mAktA+DIr" }, { 40, "P+mIştIr" },    { 50, "P+mAktA+DIr" },
  { 20, "DI" },         { 20, "<(I)yor" },   { 10, "(y)Abil+Ir" },  { 10, "mIş+DIr" },
  { 8, "(y)AcAk+DIr" }, { 6, "mA+mIştIr" },  { 5, "P+(y)Abil+Ir" }, { 5, "DI+lAr" },
};
static const chain_t TR_ACHAIN[] = {
  { 800, "" },   { 60, "DIr" },   { 50, "lIk" },  { 30, "lIk+(s)I" },
  { 20, "lAr" }, { 20, "lAr+I" }, { 10, "(y)I" },
};
static const chain_t TR_TCHAIN[] = {
  { 300, "" },        { 60, "(n)In" },  { 60, "(s)I" },      { 40, "lAr" },  { 30, "DA" },
  { 25, "DA+ki" },    { 25, "lAr+I" },  { 20, "lAr+(n)In" }, { 20, "(y)A" }, { 10, "DAn" },
  { 15, "(s)I+nDA" }, { 10, "lAr+DA" }, { 10, "lAr+DA+ki" },
};
static const chain_t TR_TVCHAIN[] = {
  { 40, "mA+(s)I" }, { 30, "P+mA+(s)I" }, { 20, "mA" },
  { 15, "(y)An" },   { 10, "P+(y)An" },   { 10, "mAk" },
};
static const chain_t TR_NAMECHAIN[] = {
  { 60, "(n)In" }, { 40, "DA" },       { 30, "DAn" }, { 30, "(y)A" }, { 20, "(y)I" },
  { 12, "DA+ki" }, { 10, "(n)In+ki" }, { 6, "DIr" },  { 6, "lA" },
};
static const chain_t TR_NUMCHAIN[] = {
  { 50, "DA" },       { 25, "lAr+(n)In" }, { 20, "lAr+DA" }, { 25, "lI" },
  { 20, "DAn" },      { 20, "(y)A" },      { 10, "DA+ki" },  { 10, "lAr+DAn" },
  { 8, "lI+lAr+DA" }, { 8, "(n)In" },      { 6, "lAr+I" },   { 5, "lI+lAr" },
};

#define NCH(a) ((int) (sizeof (a) / sizeof (a[0])))

static uint32_t
chain_total (const chain_t *c, int n)
{
  uint32_t t = 0;
  for (int i = 0; i < n; i++)
    t += c[i].w;
  return t;
}

static const char *
chain_pick (rng_t *r, const chain_t *c, int n, uint32_t total)
{
  uint32_t u = rbelow (r, total);
  for (int i = 0; i < n; i++)
    {
      if (u < c[i].w)
        return c[i].c;
      u -= c[i].w;
    }
  return c[n - 1].c;
}

static uint32_t T_NCH, T_VCH, T_VFIN, T_ACH, T_NAMECH, T_NUMCH, T_TCH, T_TVCH;

/* ------------------------------------------------ generated stems (tail) */

#define STEM_CACHE (1u << 16)
typedef struct {
  char w[52];
  unsigned char len, pos, hard, done;
  ph_t ph; /* phonology of the stem (Turkish) */
} stem_t;
static stem_t *TR_STEMS, *EN_STEMS;

static const char *TR_ONSET[] = { "k", "b", "d", "s", "t", "y", "g", "ç", "m", "h",
                                  "l", "n", "r", "p", "z", "ş", "v", "c", "f", "ğ" };
static const uint16_t TR_ONSET_W[]
    = { 12, 8, 9, 9, 8, 7, 5, 4, 7, 3, 7, 5, 5, 3, 3, 4, 3, 2, 1, 0 };
static const uint16_t TR_MID_W[] = { 9, 5, 8, 7, 7, 6, 3, 4, 7, 2, 10, 8, 9, 2, 5, 4, 3, 3, 1, 3 };
static const char *TR_CODA[] = { "r", "n", "l", "k",  "m",  "s",  "t",  "z",  "ş",
                                 "ç", "p", "y", "rt", "nt", "st", "lt", "rk", "ğ" };
static const uint16_t TR_CODA_W[] = { 18, 16, 14, 12, 8, 6, 6, 6, 4, 4, 3, 4, 1, 1, 1, 1, 1, 2 };

static uint32_t
sum16 (const uint16_t *w, int n)
{
  uint32_t t = 0;
  for (int i = 0; i < n; i++)
    t += w[i];
  return t;
}

static int
hpick (hrng_t *h, const uint16_t *w, int n)
{
  uint32_t u = hbelow (h, sum16 (w, n));
  for (int i = 0; i < n; i++)
    {
      if (u < w[i])
        return i;
      u -= w[i];
    }
  return n - 1;
}

static void
tr_make_stem (uint64_t rank, stem_t *st)
{
  hrng_t h = { mix64 (rank * 0x9E3779B97F4A7C15ULL ^ 0x5452ULL) };
  static buf_t b;
  b.n = 0;
  bgrow (&b, 64);
  uint32_t pr = hbelow (&h, 100);
  int pos = pr < 62 ? POS_N : pr < 88 ? POS_V : POS_A;
  uint32_t sy = hbelow (&h, 100);
  int nsyl = pos == POS_V ? (sy < 35 ? 1 : 2) : (sy < 8 ? 1 : sy < 48 ? 2 : sy < 85 ? 3 : 4);
  int front = hbelow (&h, 100) < 45;
  int prev_v = -1, prev_coda = 1;
  for (int s = 0; s < nsyl; s++)
    {
      /* onset */
      if (s == 0)
        {
          if (hbelow (&h, 100) < 82)
            {
              int k = hpick (&h, TR_ONSET_W, 20);
              bputs (&b, TR_ONSET[k]);
            }
        }
      else
        {
          uint16_t w[20];
          memcpy (w, TR_MID_W, sizeof w);
          if (prev_coda)
            w[19] = 0; /* ğ only between vowels */
          int k = hpick (&h, w, 20);
          bputs (&b, TR_ONSET[k]);
        }
      /* nucleus with harmony */
      int v;
      if (prev_v < 0)
        {
          uint32_t u = hbelow (&h, 100);
          if (front)
            v = u < 45 ? 4 : u < 80 ? 5 : u < 88 ? 6 : 7;
          else
            v = u < 45 ? 0 : u < 65 ? 1 : u < 80 ? 2 : 3;
        }
      else
        {
          int rounded = prev_v == 2 || prev_v == 3 || prev_v == 6 || prev_v == 7;
          uint32_t u = hbelow (&h, 100);
          if (rounded)
            v = front ? (u < 50 ? 4 : 7) : (u < 50 ? 0 : 3);
          else
            v = front ? (u < 60 ? 4 : 5) : (u < 60 ? 0 : 1);
        }
      static const char *VS[] = { "a", "ı", "o", "u", "e", "i", "ö", "ü" };
      bputs (&b, VS[v]);
      prev_v = v;
      /* coda */
      int last = s == nsyl - 1;
      if (hbelow (&h, 100) < (uint32_t) (last ? (pos == POS_V ? 80 : 62) : 40))
        {
          uint16_t w[18];
          memcpy (w, TR_CODA_W, sizeof w);
          if (!last)
            for (int i = 12; i < 17; i++)
              w[i] = 0;
          int k = hpick (&h, w, 18);
          bputs (&b, TR_CODA[k]);
          prev_coda = 1;
        }
      else
        {
          prev_coda = 0;
        }
    }
  /* derived adjectives / verbs */
  if (pos == POS_A && hbelow (&h, 100) < 60)
    {
      static const char *ad[] = { "sAl", "lI", "sIz", "CIl", "msI" };
      trw_t t = { &b, ph_of (b.p, (int) b.n), 0, 0, b.n };
      const char *m = ad[hbelow (&h, 5)];
      trw_morph (&t, m, (int) strlen (m));
    }
  else if (pos == POS_V && hbelow (&h, 100) < 25)
    {
      static const char *vd[] = { "lA", "lAş", "lAştIr", "lAn", "DIr" };
      trw_t t = { &b, ph_of (b.p, (int) b.n), 0, 0, b.n };
      const char *m = vd[hbelow (&h, 5)];
      trw_morph (&t, m, (int) strlen (m));
    }
  size_t n = b.n < sizeof st->w - 1 ? b.n : sizeof st->w - 1;
  memcpy (st->w, b.p, n);
  st->w[n] = 0;
  st->len = (unsigned char) n;
  st->pos = (unsigned char) pos;
  st->hard = hbelow (&h, 100) < 25;
  st->done = 1;
}

static const char *EN_ONSET[]
    = { "b",  "c",  "d",  "f",  "g",  "h",   "j",  "l",  "m",  "n",  "p",  "r",
        "s",  "t",  "v",  "w",  "st", "str", "pr", "tr", "cr", "pl", "br", "ch",
        "sh", "th", "wh", "qu", "sp", "gr",  "fl", "cl", "k",  "y" };
static const uint16_t EN_ONSET_W[] = { 6, 7, 6, 5, 4, 4, 1, 6, 6, 5, 6, 6, 8, 8, 3, 4, 3,
                                       1, 3, 3, 2, 2, 2, 3, 3, 4, 1, 1, 2, 2, 1, 2, 2, 1 };
static const char *EN_NUC[]
    = { "a", "e", "i", "o", "u", "ea", "ou", "ai", "oo", "ee", "y", "io", "ie" };
static const uint16_t EN_NUC_W[] = { 20, 22, 16, 14, 8, 3, 3, 2, 2, 2, 1, 1, 1 };
static const char *EN_CODA[] = { "n", "r", "t",  "s",  "l",  "nd", "nt", "st", "ck", "ng", "rt",
                                 "x", "m", "ll", "ss", "ct", "rd", "th", "sh", "p",  "d",  "w" };
static const uint16_t EN_CODA_W[]
    = { 14, 12, 10, 8, 8, 4, 4, 3, 2, 3, 2, 1, 5, 2, 2, 2, 2, 2, 1, 3, 4, 1 };

static void
en_make_stem (uint64_t rank, stem_t *st)
{
  hrng_t h = { mix64 (rank * 0xD1B54A32D192ED03ULL ^ 0x454EULL) };
  char w[64];
  int n = 0;
  uint32_t sy = hbelow (&h, 100);
  int nsyl = sy < 30 ? 1 : sy < 78 ? 2 : 3;
  static const char *pre[] = { "re",  "un", "in",    "con",   "dis", "pre",  "pro",    "ex",
                               "com", "de", "inter", "trans", "sub", "over", "counter" };
#define EAPP(s)                                                                                    \
  do                                                                                               \
    {                                                                                              \
      const char *s_ = (s);                                                                        \
      size_t l_ = strlen (s_);                                                                     \
      if (n + (int) l_ < 40)                                                                       \
        {                                                                                          \
          memcpy (w + n, s_, l_);                                                                  \
          n += (int) l_;                                                                           \
        }                                                                                          \
    }                                                                                              \
  while (0)
  if (hbelow (&h, 100) < 18)
    EAPP (pre[hbelow (&h, 15)]);
  for (int s = 0; s < nsyl; s++)
    {
      int onset = s > 0 || hbelow (&h, 100) < 85;
      if (onset)
        EAPP (EN_ONSET[hpick (&h, EN_ONSET_W, 34)]);
      const char *nuc = EN_NUC[hpick (&h, EN_NUC_W, 13)];
      if (!onset && n == 0 && nuc[0] == 'y')
        nuc = "i";
      EAPP (nuc);
      if (hbelow (&h, 100) < (s == nsyl - 1 ? 70u : 35u))
        EAPP (EN_CODA[hpick (&h, EN_CODA_W, 22)]);
    }
  if (n < 3)
    EAPP (EN_CODA[hpick (&h, EN_CODA_W, 22)]);
  int pos;
  uint32_t d = hbelow (&h, 100);
  static const char *dn[] = { "tion", "ment", "ness", "ity",  "ence", "ance", "ure",
                              "ism",  "ist",  "ship", "hood", "ery",  "age" };
  static const char *da[] = { "al", "ive", "able", "ous", "ic", "ful", "less", "ary", "ent" };
  static const char *dv[] = { "ize", "ate", "ify", "en" };
  if (d < 22)
    {
      EAPP (dn[hbelow (&h, 13)]);
      pos = POS_N;
    }
  else if (d < 36)
    {
      EAPP (da[hbelow (&h, 9)]);
      pos = POS_A;
    }
  else if (d < 44)
    {
      EAPP (dv[hbelow (&h, 4)]);
      pos = POS_V;
    }
  else
    {
      uint32_t p = hbelow (&h, 100);
      pos = p < 62 ? POS_N : p < 86 ? POS_V : POS_A;
    }
#undef EAPP
  memcpy (st->w, w, (size_t) n);
  st->w[n] = 0;
  st->len = (unsigned char) n;
  st->pos = (unsigned char) pos;
  st->hard = 0;
  st->done = 1;
}

static const stem_t *
get_stem (int lang, uint64_t rank, stem_t *tmp)
{
  stem_t *st;
  if (rank < STEM_CACHE)
    {
      st = lang ? &EN_STEMS[rank] : &TR_STEMS[rank];
      if (st->done)
        return st;
    }
  else
    {
      st = tmp;
    }
  const wlist_t *L = lang ? &EN_CONT : &TR_CONT;
  if (rank <= (uint64_t) L->n)
    { /* real word */
      int i = (int) rank - 1;
      memcpy (st->w, L->w[i], (size_t) L->len[i] + 1);
      st->len = L->len[i];
      st->pos = L->pos[i];
      st->hard = L->flags[i] & F_HARD;
      st->done = 1;
    }
  else if (lang)
    {
      en_make_stem (rank, st);
    }
  else
    {
      tr_make_stem (rank, st);
    }
  st->ph = ph_of (st->w, st->len);
  return st;
}

/* ---------------------------------------------------- capitalisation */

enum { CAP_NONE = 0, CAP_FIRST = 1, CAP_ALL = 2 };

/* append s[0..n) to b, capitalising per mode and language (0 tr, 1 en) */
static void
put_cased (buf_t *b, const char *s, size_t n, int mode, int lang)
{
  if (mode == CAP_NONE)
    {
      bput (b, s, n);
      return;
    }
  const unsigned char *u = (const unsigned char *) s;
  size_t i = 0;
  int done_first = 0;
  while (i < n)
    {
      if (mode == CAP_FIRST && done_first)
        {
          bput (b, s + i, n - i);
          return;
        }
      unsigned c = u[i];
      if (c < 0x80)
        {
          if (c >= 'a' && c <= 'z')
            {
              if (c == 'i' && lang == 0)
                bput (b, "İ", 2);
              else
                bputc (b, (char) (c - 32));
              done_first = 1;
            }
          else
            {
              bputc (b, (char) c);
              if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                done_first = 1;
            }
          i++;
          continue;
        }
      if ((c & 0xE0) == 0xC0 && i + 1 < n)
        {
          unsigned d = u[i + 1];
          char o[2] = { (char) c, (char) d };
          int one = 0;
          if (c == 0xC3 && d >= 0xA0 && d <= 0xBE && d != 0xB7)
            o[1] = (char) (d - 0x20); /* ç ö ü â î û ... */
          else if (c == 0xC4 && d == 0x9F)
            o[1] = (char) 0x9E; /* ğ */
          else if (c == 0xC5 && d == 0x9F)
            o[1] = (char) 0x9E; /* ş */
          else if (c == 0xC4 && d == 0xB1)
            one = 1; /* ı -> I */
          if (one)
            bputc (b, 'I');
          else
            bput (b, o, 2);
          done_first = 1;
          i += 2;
          continue;
        }
      /* other multibyte (quotes, apostrophes): copy */
      int adv = (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
      bput (b, s + i, (size_t) adv);
      i += (size_t) adv;
    }
}

/* ---------------------------------------------------------- documents */

enum { L_TR = 0, L_EN = 1 };
enum { M_LINE, M_LINE_NOBLANK, M_WRAP, M_PDF };

typedef struct {
  rng_t r;
  FILE *f;
  buf_t ob;       /* output buffer */
  uint64_t bytes; /* bytes produced for this document */
  int mode, width;
  int page_lines, line_on_page, page;
  char header[2][256];
  const char *apos; /* preferred apostrophe */
  int hyph_p;       /* hyphenation permille */
  int gloss_p;      /* permille of Turkish content words followed by an English gloss */
  /* scratch */
  buf_t para, word, tmp;
  stem_t stemtmp;
} doc_t;

static void
out_flush (doc_t *d)
{
  if (d->ob.n)
    {
      if (fwrite (d->ob.p, 1, d->ob.n, d->f) != d->ob.n)
        {
          perror ("gencorpus: write");
          exit (1);
        }
      d->ob.n = 0;
    }
}

static void
out_put (doc_t *d, const char *s, size_t n)
{
  bput (&d->ob, s, n);
  d->bytes += n;
  if (d->ob.n > (1u << 20))
    out_flush (d);
}

static void out_line (doc_t *d, const char *s, size_t n);

static void
pdf_page_break (doc_t *d)
{
  char num[16];
  int k = snprintf (num, sizeof num, "%d", d->page);
  out_put (d, num, (size_t) k);
  out_put (d, "\n\n", 2);
  d->page++;
  const char *h = d->header[d->page & 1];
  if (*h)
    {
      out_put (d, h, strlen (h));
      out_put (d, "\n\n", 2);
    }
  d->line_on_page = 0;
}

/* one physical line */
static void
out_line (doc_t *d, const char *s, size_t n)
{
  out_put (d, s, n);
  if (d->mode == M_PDF)
    {
      out_put (d, "\n\n", 2);
      if (++d->line_on_page >= d->page_lines)
        pdf_page_break (d);
    }
  else
    {
      out_put (d, "\n", 1);
    }
}

static size_t
cp_count (const char *s, size_t n)
{
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char) s[i] & 0xC0) != 0x80)
      c++;
  return c;
}

/* byte offset of a hyphenation point inside word w (n bytes) such that the
 * first part has at most maxcp code points: break before a consonant that
 * follows a vowel and precedes a vowel (V-CV). 0 if none. */
static size_t
hyph_point (const char *w, size_t n, size_t maxcp)
{
  const unsigned char *u = (const unsigned char *) w;
  size_t best = 0, cp = 0, i = 0;
  int prev = -2, prev2 = -2;
  size_t prev_off = 0;
  size_t total = cp_count (w, n);
  while (i < n)
    {
      int adv;
      int k = tr_class (u + i, &adv);
      if (k < 0 && u[i] < 0x80 && !((u[i] | 32) >= 'a' && (u[i] | 32) <= 'z'))
        return best; /* digits, punctuation: stop */
      /* position i is a vowel, prev a consonant, prev2 a vowel: break before prev */
      if (k >= 0 && k < 8 && prev >= 8 && prev2 >= 0 && prev2 < 8)
        {
          size_t first_cp = cp - 1;
          if (first_cp >= 3 && first_cp + 1 <= maxcp && total - first_cp >= 3)
            best = prev_off;
        }
      prev2 = prev;
      prev = k;
      prev_off = i;
      cp++;
      i += (size_t) adv;
    }
  return best;
}

/* emit a logical paragraph (no newlines inside) according to the layout */
static void
out_para (doc_t *d, const char *p, size_t n, int heading)
{
  if (d->mode == M_LINE || d->mode == M_LINE_NOBLANK || (heading && d->mode == M_WRAP))
    {
      out_put (d, p, n);
      out_put (d, "\n", 1);
      if (d->mode != M_LINE_NOBLANK)
        out_put (d, "\n", 1);
      return;
    }
  /* wrapped */
  size_t width = (size_t) d->width;
  buf_t *line = &d->tmp;
  line->n = 0;
  size_t linecp = 0, i = 0;
  while (i < n)
    {
      while (i < n && p[i] == ' ')
        i++;
      if (i >= n)
        break;
      size_t s = i;
      while (i < n && p[i] != ' ')
        i++;
      const char *w = p + s;
      size_t wn = i - s, wcp = cp_count (w, wn);
      size_t need = linecp ? linecp + 1 + wcp : wcp;
      if (need > width && linecp)
        {
          size_t room = width > linecp + 2 ? width - linecp - 2 : 0; /* space + hyphen */
          size_t cut = 0;
          int keep_hyphen = 0;
          if (d->mode == M_PDF && room >= 3)
            {
              /* natural hyphen in compounds: self- / determinasyon */
              const char *hy = memchr (w, '-', wn);
              if (hy && hy > w && (size_t) (hy - w) + 1 < wn
                  && cp_count (w, (size_t) (hy - w)) + 1 <= room + 1)
                {
                  cut = (size_t) (hy - w) + 1;
                  keep_hyphen = 1;
                }
              else if (wcp >= 7 && rperm (&d->r, (uint32_t) d->hyph_p))
                {
                  cut = hyph_point (w, wn, room);
                }
            }
          if (cut)
            {
              bputc (line, ' ');
              bput (line, w, cut);
              if (!keep_hyphen)
                bputc (line, '-');
              out_line (d, line->p, line->n);
              line->n = 0;
              bput (line, w + cut, wn - cut);
              linecp = cp_count (w + cut, wn - cut);
              continue;
            }
          out_line (d, line->p, line->n);
          line->n = 0;
          linecp = 0;
        }
      if (linecp)
        {
          bputc (line, ' ');
          linecp++;
        }
      bput (line, w, wn);
      linecp += wcp;
    }
  if (line->n)
    out_line (d, line->p, line->n);
  if (d->mode == M_WRAP)
    out_put (d, "\n", 1);
}

/* --------------------------------------------------- sentence builder */

typedef struct {
  doc_t *d;
  buf_t *b;
  int lang;
  int space; /* a space is needed before the next word */
  int cap;   /* capitalisation for the next word */
} sb_t;

/* text appended to b needs a separating space */
static int
need_space (const buf_t *b)
{
  return b->n > 0 && b->p[b->n - 1] != ' ';
}

static void
sb_word (sb_t *s, const char *w, size_t n)
{
  if (s->space)
    bputc (s->b, ' ');
  put_cased (s->b, w, n, s->cap, s->lang);
  if (s->cap == CAP_FIRST)
    s->cap = CAP_NONE;
  s->space = 1;
}
static void
sb_wordz (sb_t *s, const char *w)
{
  sb_word (s, w, strlen (w));
}
static void
sb_punct (sb_t *s, const char *p)
{
  bputs (s->b, p);
  s->space = 1;
}
static void
sb_open (sb_t *s, const char *p)
{
  if (s->space)
    bputc (s->b, ' ');
  bputs (s->b, p);
  s->space = 0;
}

static const char *
apostrophe (doc_t *d)
{
  if (rperm (&d->r, 50))
    return d->apos[0] == '\'' ? "’" : "'";
  return d->apos;
}

/* a Turkish content word (stem + suffix chain) into d->word;
 * finite: 0 running text, 1 sentence-final predicate, 2 title/noun phrase */
static void
tr_content (doc_t *d, int finite)
{
  uint64_t rank = zipf_draw (&Z_TR_CONT, &d->r);
  const stem_t *st = get_stem (L_TR, rank, &d->stemtmp);
  if (finite == 1)
    {
      /* a verb: redraw until a verb stem (real verbs are frequent) */
      for (int tries = 0; tries < 12 && st->pos != POS_V; tries++)
        {
          rank = zipf_draw (&Z_TR_CONT, &d->r);
          st = get_stem (L_TR, rank, &d->stemtmp);
        }
    }
  int pos = st->pos;
  d->word.n = 0;
  bput (&d->word, st->w, st->len);
  trw_t t = { &d->word, st->ph, !st->hard && pos != POS_V, 0, d->word.n };
  const char *ch;
  if (finite == 2)
    ch = pos == POS_V   ? chain_pick (&d->r, TR_TVCHAIN, NCH (TR_TVCHAIN), T_TVCH)
         : pos == POS_A ? ""
                        : chain_pick (&d->r, TR_TCHAIN, NCH (TR_TCHAIN), T_TCH);
  else if (pos == POS_V)
    ch = finite ? chain_pick (&d->r, TR_VFIN, NCH (TR_VFIN), T_VFIN)
                : chain_pick (&d->r, TR_VCHAIN, NCH (TR_VCHAIN), T_VCH);
  else if (pos == POS_A)
    ch = chain_pick (&d->r, TR_ACHAIN, NCH (TR_ACHAIN), T_ACH);
  else
    ch = finite ? (rperm (&d->r, 500) ? "DIr" : "(y)DI")
                : chain_pick (&d->r, TR_NCHAIN, NCH (TR_NCHAIN), T_NCH);
  trw_chain (&t, ch);
}

static void
en_inflect (buf_t *b, const char *suf)
{
  if (!*suf)
    return;
  char *p = b->p;
  size_t n = b->n;
  char last = n ? p[n - 1] : 0, prev = n > 1 ? p[n - 2] : 0;
  int pv = prev == 'a' || prev == 'e' || prev == 'i' || prev == 'o' || prev == 'u';
  if (suf[0] == 's' && !suf[1])
    {
      if (last == 'y' && !pv)
        {
          b->n--;
          bputs (b, "ies");
        }
      else if (last == 's' || last == 'x' || (last == 'h' && (prev == 'c' || prev == 's')))
        bputs (b, "es");
      else
        bputc (b, 's');
      return;
    }
  if (suf[0] == 'e' || suf[0] == 'i' || suf[0] == 'a')
    {
      if (last == 'e' && n > 2)
        {
          b->n--;
        }
      else if (last == 'y' && !pv && suf[0] != 'i')
        {
          b->n--;
          bputc (b, 'i');
        }
    }
  else if (suf[0] == 'l' && suf[1] == 'y')
    {
      if (last == 'y')
        {
          b->n--;
          bputc (b, 'i');
        }
      else if (last == 'e' && prev == 'l')
        {
          b->n--;
          bputc (b, 'y');
          return;
        }
      else if (last == 'c')
        {
          bputs (b, "al");
        }
    }
  bputs (b, suf);
}

static void
en_content (doc_t *d, int title)
{
  uint64_t rank = zipf_draw (&Z_EN_CONT, &d->r);
  const stem_t *st = get_stem (L_EN, rank, &d->stemtmp);
  int pos = st->pos, hard = st->hard;
  d->word.n = 0;
  bput (&d->word, st->w, st->len);
  uint32_t u = rbelow (&d->r, 100);
  const char *suf = "";
  if (pos == POS_N)
    suf = u < 28 ? "s" : "";
  else if (pos == POS_V && title)
    suf = u < 60 ? "ing" : "";
  else if (pos == POS_V)
    suf = hard ? (u < 25   ? "s"
                  : u < 45 ? "ing"
                           : "")
               : (u < 20   ? "s"
                  : u < 45 ? "ed"
                  : u < 62 ? "ing"
                           : "");
  else
    suf = u < 10 ? "ly" : "";
  en_inflect (&d->word, suf);
}

static void
name_tr (doc_t *d, sb_t *s, int with_suffix)
{
  buf_t *w = &d->word;
  w->n = 0;
  ph_t ph;
  uint32_t k = rbelow (&d->r, 100);
  if (k < 55)
    {
      const char *n = wl_pick (&TR_PLACES, &d->r);
      bputs (w, n);
      ph = ph_of (n, (int) strlen (n));
    }
  else if (k < 67)
    {
      int i = (int) rbelow (&d->r, (uint32_t) TR_ACRO.n);
      bputs (w, TR_ACRO.w[i]);
      ph = ph_of (TR_ACRO_SND.w[i], TR_ACRO_SND.len[i]);
    }
  else
    {
      if (rperm (&d->r, 400))
        {
          bputs (w, wl_pick (&TR_FIRST, &d->r));
          bputc (w, ' ');
        }
      const char *n = wl_pick (&TR_SUR, &d->r);
      bputs (w, n);
      ph = ph_of (n, (int) strlen (n));
    }
  if (with_suffix)
    {
      bputs (w, apostrophe (d));
      trw_t t = { w, ph, 0, w->n, w->n };
      trw_chain (&t, chain_pick (&d->r, TR_NAMECHAIN, NCH (TR_NAMECHAIN), T_NAMECH));
    }
  sb_word (s, w->p, w->n);
}

static void
put_thousands (buf_t *b, uint64_t v, char sep)
{
  char t[32];
  int n = 0;
  int g = 0;
  do
    {
      if (g == 3)
        {
          t[n++] = sep;
          g = 0;
        }
      t[n++] = (char) ('0' + v % 10);
      v /= 10;
      g++;
    }
  while (v);
  while (n)
    bputc (b, t[--n]);
}

/* numbers, dates, percentages, years (with Turkish suffixes) */
static void
number_tok (doc_t *d, sb_t *s, int lang)
{
  buf_t *w = &d->word;
  w->n = 0;
  uint32_t k = rbelow (&d->r, 100);
  if (k < 35)
    { /* year */
      unsigned y = rperm (&d->r, 300) ? rrange (&d->r, 1071, 1899) : rrange (&d->r, 1900, 2024);
      if (rperm (&d->r, 300))
        y -= y % 10;
      bputu (w, y);
      if (lang == L_TR && rperm (&d->r, 600))
        {
          bputs (w, apostrophe (d));
          trw_t t = { w, ph_number (y), 0, w->n, w->n };
          trw_chain (&t, chain_pick (&d->r, TR_NUMCHAIN, NCH (TR_NUMCHAIN), T_NUMCH));
        }
      else if (lang == L_EN && y % 10 == 0 && rperm (&d->r, 300))
        {
          bputc (w, 's');
        }
    }
  else if (k < 55)
    { /* percentage */
      unsigned v = rrange (&d->r, 1, 99);
      int dec = rperm (&d->r, 300);
      unsigned f = rbelow (&d->r, 10);
      if (lang == L_TR)
        {
          bputc (w, '%');
          bputu (w, v);
          if (dec)
            {
              bputc (w, ',');
              bputu (w, f);
            }
          if (rperm (&d->r, 350))
            {
              bputs (w, apostrophe (d));
              trw_t t = { w, ph_number (dec ? f : v), 0, w->n, w->n };
              trw_chain (&t, rperm (&d->r, 500) ? "(s)I" : "lIk");
            }
        }
      else
        {
          bputu (w, v);
          if (dec)
            {
              bputc (w, '.');
              bputu (w, f);
            }
          bputc (w, '%');
        }
    }
  else if (k < 70)
    { /* date */
      unsigned dd = rrange (&d->r, 1, 28), mm = rrange (&d->r, 1, 12),
               yy = rrange (&d->r, 1990, 2024);
      if (lang == L_TR)
        {
          if (rperm (&d->r, 600))
            {
              bputu0 (w, dd, 2);
              bputc (w, '.');
              bputu0 (w, mm, 2);
              bputc (w, '.');
              bputu (w, yy);
              if (rperm (&d->r, 300))
                {
                  bputs (w, " tarihinde");
                }
            }
          else
            {
              bputu (w, dd);
              bputc (w, ' ');
              bputs (w, TR_MONTHS.w[mm - 1]);
              bputc (w, ' ');
              bputu (w, yy);
            }
        }
      else
        {
          if (rperm (&d->r, 500))
            {
              bputs (w, EN_MONTHS.w[mm - 1]);
              bputc (w, ' ');
              bputu (w, dd);
              bputs (w, ", ");
              bputu (w, yy);
            }
          else
            {
              bputu (w, yy);
              bputc (w, '-');
              bputu0 (w, mm, 2);
              bputc (w, '-');
              bputu0 (w, dd, 2);
            }
        }
    }
  else
    { /* plain number */
      uint64_t v = loguniform (&d->r, 2, 5000000);
      if (v >= 10000)
        put_thousands (w, v, lang == L_TR ? '.' : ',');
      else
        bputu (w, v);
      if (rperm (&d->r, 150))
        {
          bputc (w, lang == L_TR ? ',' : '.');
          bputu (w, rbelow (&d->r, 100));
        }
    }
  sb_word (s, w->p, w->n);
}

static void
url_tok (doc_t *d, sb_t *s, int lang)
{
  buf_t *w = &d->word;
  w->n = 0;
  uint32_t k = rbelow (&d->r, 100);
  static const char *hosts[]
      = { "www.tuik.gov.tr", "dergipark.org.tr", "www.resmigazete.gov.tr", "www.tdk.gov.tr",
          "www.bbc.co.uk",   "www.who.int",      "data.worldbank.org",     "www.mfa.gov.tr",
          "arxiv.org",       "www.jstor.org" };
  if (k < 60)
    {
      bputs (w, rperm (&d->r, 800) ? "https://" : "http://");
      bputs (w, hosts[rbelow (&d->r, 10)]);
      int parts = (int) rrange (&d->r, 1, 3);
      for (int i = 0; i < parts; i++)
        {
          bputc (w, '/');
          static const char *seg[] = { "tr",     "en",    "pub",   "issue", "article",   "download",
                                       "bulten", "haber", "files", "docs",  "index.php", "view" };
          if (rperm (&d->r, 300))
            bputu (w, rrange (&d->r, 1, 99999));
          else
            bputs (w, seg[rbelow (&d->r, 12)]);
        }
      if (rperm (&d->r, 200))
        {
          bputs (w, "?id=");
          bputu (w, rrange (&d->r, 100, 999999));
        }
    }
  else if (k < 80)
    {
      bputs (w, "https://doi.org/10.");
      bputu (w, rrange (&d->r, 1000, 99999));
      bputc (w, '/');
      static const char *pf[] = { "bilig", "tsa", "jpr", "s41599", "01419870", "aps", "tdad" };
      bputs (w, pf[rbelow (&d->r, 7)]);
      bputc (w, '.');
      bputu (w, rrange (&d->r, 1990, 2024));
      bputc (w, '.');
      bputu (w, rrange (&d->r, 1, 9999));
    }
  else
    {
      /* e-mail */
      const char *fn = lang == L_TR ? wl_pick (&TR_FIRST, &d->r) : wl_pick (&EN_FIRST, &d->r);
      const char *sn = lang == L_TR ? wl_pick (&TR_SUR, &d->r) : wl_pick (&EN_SUR, &d->r);
      size_t st = w->n;
      bputs (w, fn);
      bputc (w, '.');
      bputs (w, sn);
      /* ascii-fy and lower-case the local part */
      buf_t *t = &d->tmp;
      t->n = 0;
      for (size_t i = st; i < w->n;)
        {
          unsigned char c = (unsigned char) w->p[i];
          if (c < 0x80)
            {
              bputc (t, (char) ((c >= 'A' && c <= 'Z') ? c + 32 : c));
              i++;
              continue;
            }
          unsigned char e = (unsigned char) w->p[i + 1];
          char o = '?';
          if (c == 0xC3)
            o = (e == 0xA7 || e == 0x87) ? 'c' : (e == 0xB6 || e == 0x96) ? 'o' : 'u';
          else if (c == 0xC4)
            o = (e == 0x9F || e == 0x9E) ? 'g' : 'i';
          else if (c == 0xC5)
            o = 's';
          bputc (t, o);
          i += 2;
        }
      w->n = st;
      bput (w, t->p, t->n);
      bputc (w, '@');
      if (lang == L_TR)
        {
          const char *u = wl_pick (&TR_UNI, &d->r);
          bputs (w, strchr (u, ':') + 1);
        }
      else
        {
          static const char *dom[] = { "ox.ac.uk",  "cam.ac.uk", "harvard.edu",
                                       "ucl.ac.uk", "gmail.com", "uni-hamburg.de" };
          bputs (w, dom[rbelow (&d->r, 6)]);
        }
    }
  int cap = s->cap;
  s->cap = CAP_NONE;
  sb_word (s, w->p, w->n);
  s->cap = cap;
}

static void
citation (doc_t *d, sb_t *s, int lang, int turkish_names)
{
  sb_open (s, "(");
  int two = rperm (&d->r, 250);
  const wlist_t *S = turkish_names ? &TR_SUR : &EN_SUR;
  sb_wordz (s, wl_pick (S, &d->r));
  if (two)
    {
      sb_wordz (s, lang == L_TR ? "ve" : "&");
      sb_wordz (s, wl_pick (S, &d->r));
    }
  else if (rperm (&d->r, 150))
    {
      sb_wordz (s, lang == L_TR ? "vd." : "et al.");
    }
  sb_punct (s, ",");
  buf_t *w = &d->word;
  w->n = 0;
  bputu (w, rrange (&d->r, 1950, 2024));
  if (rperm (&d->r, 500))
    {
      if (lang == L_TR)
        {
          bputs (w, ": ");
        }
      else
        {
          bputs (w, ", p. ");
        }
      bputu (w, rrange (&d->r, 1, 400));
    }
  sb_word (s, w->p, w->n);
  sb_punct (s, ")");
}

static void tr_sentence (doc_t *d, buf_t *b, int max_words);
static void en_sentence (doc_t *d, buf_t *b, int max_words);

static void
tr_sentence (doc_t *d, buf_t *b, int max_words)
{
  sb_t s = { d, b, L_TR, need_space (b), CAP_FIRST };
  if (rperm (&d->r, 180))
    {
      sb_wordz (&s, wl_pick (&TR_OPEN, &d->r));
    }
  int L = (int) rrange (&d->r, 4, 18);
  if (rperm (&d->r, 150))
    L += (int) rbelow (&d->r, 15);
  if (max_words && L > max_words)
    L = max_words;
  int prev_func = 0;
  int quote = rperm (&d->r, 25);
  if (quote)
    sb_open (&s, "“");
  for (int i = 0; i < L; i++)
    {
      uint32_t u = rbelow (&d->r, 1000);
      if (u < 30)
        {
          name_tr (d, &s, rperm (&d->r, 750));
          prev_func = 0;
        }
      else if (u < 48)
        {
          number_tok (d, &s, L_TR);
          prev_func = 0;
        }
      else if (u < 50 && i > 0)
        {
          url_tok (d, &s, L_TR);
        }
      else if (rbelow (&d->r, 100) < (i == 0 ? 8u : prev_func ? 15u : 30u))
        {
          uint64_t r = zipf_draw (&Z_TR_FUNC, &d->r);
          const char *w = TR_FUNC.w[r - 1];
          sb_word (&s, w, TR_FUNC.len[r - 1]);
          prev_func = 1;
        }
      else
        {
          tr_content (d, 0);
          sb_word (&s, d->word.p, d->word.n);
          prev_func = 0;
          if (rperm (&d->r, (uint32_t) d->gloss_p))
            {
              /* English equivalent in parentheses */
              sb_open (&s, "(");
              sb_t e = s;
              e.lang = L_EN;
              int m = (int) rrange (&d->r, 1, 2);
              for (int j = 0; j < m; j++)
                {
                  en_content (d, 0);
                  sb_word (&e, d->word.p, d->word.n);
                }
              s.space = 1;
              sb_punct (&s, ")");
            }
          else if (i > 1 && i < L - 2 && rperm (&d->r, 60))
            {
              sb_punct (&s, ",");
            }
        }
    }
  /* predicate */
  if (rperm (&d->r, 300))
    {
      sb_wordz (&s, wl_pick (&TR_VEND, &d->r));
    }
  else
    {
      tr_content (d, 1);
      sb_word (&s, d->word.p, d->word.n);
    }
  if (quote)
    sb_punct (&s, "”");
  if (rperm (&d->r, 60))
    citation (d, &s, L_TR, rperm (&d->r, 800));
  uint32_t e = rbelow (&d->r, 1000);
  sb_punct (&s, e < 955 ? "." : e < 985 ? "?" : e < 993 ? "!" : "...");
}

static void
en_sentence (doc_t *d, buf_t *b, int max_words)
{
  sb_t s = { d, b, L_EN, need_space (b), CAP_FIRST };
  if (rperm (&d->r, 150))
    sb_wordz (&s, wl_pick (&EN_OPEN, &d->r));
  int L = (int) rrange (&d->r, 7, 26);
  if (rperm (&d->r, 150))
    L += (int) rbelow (&d->r, 15);
  if (max_words && L > max_words)
    L = max_words;
  int prev_func = 0;
  for (int i = 0; i < L; i++)
    {
      uint32_t u = rbelow (&d->r, 1000);
      if (u < 18)
        {
          sb_t n = s;
          const char *w;
          uint32_t k = rbelow (&d->r, 100);
          w = k < 50   ? wl_pick (&EN_PLACES, &d->r)
              : k < 85 ? wl_pick (&EN_SUR, &d->r)
                       : wl_pick (&TR_SUR, &d->r);
          sb_wordz (&n, w);
          s.space = 1;
          s.cap = n.cap;
          if (rperm (&d->r, 150))
            sb_punct (&s, "’s");
          prev_func = 0;
        }
      else if (u < 32)
        {
          number_tok (d, &s, L_EN);
          prev_func = 0;
        }
      else if (u < 34 && i > 0)
        {
          url_tok (d, &s, L_EN);
        }
      else if (rbelow (&d->r, 100) < (prev_func ? 20u : 55u))
        {
          uint64_t r = zipf_draw (&Z_EN_FUNC, &d->r);
          sb_word (&s, EN_FUNC.w[r - 1], EN_FUNC.len[r - 1]);
          prev_func = 1;
        }
      else
        {
          en_content (d, 0);
          sb_word (&s, d->word.p, d->word.n);
          prev_func = 0;
          if (i > 1 && i < L - 2 && rperm (&d->r, 70))
            sb_punct (&s, ",");
        }
    }
  if (rperm (&d->r, 50))
    citation (d, &s, L_EN, rperm (&d->r, 200));
  uint32_t e = rbelow (&d->r, 1000);
  sb_punct (&s, e < 965 ? "." : e < 990 ? "?" : "!");
}

static void
paragraph (doc_t *d, int lang, int nsent)
{
  buf_t *p = &d->para;
  p->n = 0;
  for (int i = 0; i < nsent; i++)
    {
      if (lang == L_TR)
        tr_sentence (d, p, 0);
      else
        en_sentence (d, p, 0);
    }
  out_para (d, p->p, p->n, 0);
}

/* a title-ish phrase: n content words */
static void
phrase (doc_t *d, buf_t *b, int lang, int nwords, int cap)
{
  sb_t s = { d, b, lang, need_space (b), cap };
  for (int i = 0; i < nwords; i++)
    {
      if (cap != CAP_ALL)
        s.cap = cap;
      if (i > 0 && i < nwords - 1 && rperm (&d->r, 200))
        {
          if (cap == CAP_FIRST && lang == L_EN)
            s.cap = CAP_NONE;
          sb_wordz (&s, lang == L_TR ? (rperm (&d->r, 700) ? "ve" : "ile")
                                     : (rperm (&d->r, 500) ? "and" : "of the"));
          continue;
        }
      if (lang == L_TR && rperm (&d->r, 120))
        {
          name_tr (d, &s, rperm (&d->r, 600));
          continue;
        }
      if (lang == L_TR)
        tr_content (d, 2);
      else
        en_content (d, 1);
      sb_word (&s, d->word.p, d->word.n);
    }
}

static void
heading (doc_t *d, const char *h)
{
  out_para (d, h, strlen (h), 1);
}

static void
title_line (doc_t *d, int lang, int caps)
{
  buf_t *b = &d->para;
  b->n = 0;
  phrase (d, b, lang, (int) rrange (&d->r, 3, 9), caps ? CAP_ALL : CAP_FIRST);
  if (rperm (&d->r, 300))
    {
      bputs (b, ": ");
      sb_t s = { d, b, lang, 0, caps ? CAP_ALL : CAP_FIRST };
      if (lang == L_TR)
        sb_wordz (&s, rperm (&d->r, 500) ? "bir değerlendirme" : "örnek olay incelemesi");
      else
        sb_wordz (&s, rperm (&d->r, 500) ? "a critical assessment" : "a case study");
    }
  out_para (d, b->p, b->n, 1);
}

static void
keywords_line (doc_t *d, int lang)
{
  buf_t *b = &d->para;
  b->n = 0;
  bputs (b, lang == L_TR ? "Anahtar Kelimeler: " : "Keywords: ");
  int n = (int) rrange (&d->r, 3, 6);
  for (int i = 0; i < n; i++)
    {
      if (i)
        bputs (b, ", ");
      sb_t s = { d, b, lang, 0, rperm (&d->r, 300) ? CAP_FIRST : CAP_NONE };
      int m = (int) rrange (&d->r, 1, 2);
      for (int j = 0; j < m; j++)
        {
          if (lang == L_TR)
            {
              uint64_t r = zipf_draw (&Z_TR_CONT, &d->r);
              const stem_t *st = get_stem (L_TR, r, &d->stemtmp);
              if (st->pos == POS_V)
                {
                  tr_content (d, 0);
                  sb_word (&s, d->word.p, d->word.n);
                }
              else
                {
                  sb_word (&s, st->w, st->len);
                }
            }
          else
            {
              en_content (d, 0);
              sb_word (&s, d->word.p, d->word.n);
            }
        }
    }
  bputc (b, lang == L_TR && rperm (&d->r, 500) ? '.' : ' ');
  if (b->p[b->n - 1] == ' ')
    b->n--;
  out_para (d, b->p, b->n, 0);
}

static void
reference (doc_t *d, int lang)
{
  buf_t *b = &d->para;
  b->n = 0;
  int tr_ref = lang == L_TR ? rperm (&d->r, 700) : rperm (&d->r, 120);
  const wlist_t *S = tr_ref ? &TR_SUR : &EN_SUR, *F = tr_ref ? &TR_FIRST : &EN_FIRST;
  int na = (int) rrange (&d->r, 1, 3);
  for (int i = 0; i < na; i++)
    {
      if (i)
        bputs (b, i == na - 1 ? (lang == L_TR ? " ve " : " & ") : ", ");
      bputs (b, wl_pick (S, &d->r));
      bputs (b, ", ");
      const char *f = wl_pick (F, &d->r);
      int adv;
      (void) tr_class ((const unsigned char *) f, &adv);
      bput (b, f, (size_t) adv);
      bputc (b, '.');
    }
  bputs (b, " (");
  bputu (b, rrange (&d->r, 1950, 2024));
  bputs (b, "). ");
  phrase (d, b, tr_ref ? L_TR : L_EN, (int) rrange (&d->r, 3, 10), CAP_NONE);
  /* sentence case: capitalise the first letter of the title */
  {
    size_t st = b->n;
    while (st > 0 && b->p[st - 1] != ')')
      st--;
    st += 2;
    if (st < b->n)
      {
        buf_t *t = &d->tmp;
        t->n = 0;
        put_cased (t, b->p + st, b->n - st, CAP_FIRST, tr_ref ? L_TR : L_EN);
        b->n = st;
        bput (b, t->p, t->n);
      }
  }
  bputs (b, ". ");
  if (rperm (&d->r, 550))
    {
      const char *j = tr_ref ? wl_pick (&TR_JOUR, &d->r) : wl_pick (&EN_JOUR, &d->r);
      bputs (b, j);
      bputs (b, ", ");
      bputu (b, rrange (&d->r, 1, 60));
      bputc (b, '(');
      bputu (b, rrange (&d->r, 1, 4));
      bputs (b, "), ");
      unsigned p0 = rrange (&d->r, 1, 600);
      bputu (b, p0);
      bputs (b, rperm (&d->r, 500) ? "-" : "–");
      bputu (b, p0 + rrange (&d->r, 8, 40));
      bputc (b, '.');
      if (rperm (&d->r, 400))
        {
          bputc (b, ' ');
          sb_t s = { d, b, lang, 0, CAP_NONE };
          d->r.s[0] ^= 0; /* keep stream */
          buf_t *w = &d->word;
          w->n = 0;
          bputs (w, "https://doi.org/10.");
          bputu (w, rrange (&d->r, 1000, 99999));
          bputc (w, '/');
          bputu (w, rrange (&d->r, 100000, 999999));
          sb_word (&s, w->p, w->n);
        }
    }
  else
    {
      bputs (b, wl_pick (&PUBL, &d->r));
      bputc (b, '.');
      if (lang == L_TR && rperm (&d->r, 200))
        {
          sb_t s = { d, b, lang, 1, CAP_NONE };
          sb_wordz (&s, "Erişim adresi:");
          url_tok (d, &s, L_TR);
          sb_wordz (&s, "(Erişim Tarihi:");
          buf_t *w = &d->word;
          w->n = 0;
          bputu0 (w, rrange (&d->r, 1, 28), 2);
          bputc (w, '.');
          bputu0 (w, rrange (&d->r, 1, 12), 2);
          bputc (w, '.');
          bputu (w, rrange (&d->r, 2010, 2024));
          sb_word (&s, w->p, w->n);
          sb_punct (&s, ")");
        }
    }
  out_para (d, b->p, b->n, 0);
}

static int
done (doc_t *d, uint64_t target, uint64_t reserve)
{
  return d->bytes + reserve >= target;
}

static void
body (doc_t *d, int lang, uint64_t target, uint64_t reserve, int numbered, int caps_heads,
      int *sect)
{
  int since = 0, next = (int) rrange (&d->r, 3, 9);
  const wlist_t *SL = lang == L_TR ? &TR_SECT : &EN_SECT;
  while (!done (d, target, reserve))
    {
      if (since >= next)
        {
          buf_t *b = &d->para;
          b->n = 0;
          (*sect)++;
          if (rperm (&d->r, 400))
            {
              if (numbered)
                {
                  bputu (b, (uint64_t) *sect);
                  bputs (b, ". ");
                }
              const char *h = wl_pick (SL, &d->r);
              put_cased (b, h, strlen (h), caps_heads ? CAP_ALL : CAP_NONE, lang);
            }
          else
            {
              if (numbered)
                {
                  bputu (b, (uint64_t) *sect);
                  bputs (b, ". ");
                }
              phrase (d, b, lang, (int) rrange (&d->r, 2, 6), caps_heads ? CAP_ALL : CAP_FIRST);
            }
          out_para (d, b->p, b->n, 1);
          since = 0;
          next = (int) rrange (&d->r, 3, 12);
        }
      if (rperm (&d->r, 40))
        {
          /* a short list */
          int n = (int) rrange (&d->r, 2, 5);
          static const char *mk[] = { "- ", "• ", "* " };
          int style = (int) rbelow (&d->r, 4);
          for (int i = 0; i < n; i++)
            {
              buf_t *b = &d->para;
              b->n = 0;
              if (style < 3)
                bputs (b, mk[style]);
              else
                {
                  bputu (b, (uint64_t) i + 1);
                  bputs (b, ") ");
                }
              if (lang == L_TR)
                tr_sentence (d, b, 10);
              else
                en_sentence (d, b, 12);
              out_para (d, b->p, b->n, 1);
            }
        }
      paragraph (d, lang, (int) rrange (&d->r, 2, 8));
      since++;
    }
}

static void
references (doc_t *d, int lang, uint64_t target)
{
  heading (d, lang == L_TR ? (rperm (&d->r, 500) ? "KAYNAKÇA" : "Kaynakça")
                           : (rperm (&d->r, 500) ? "REFERENCES" : "References"));
  int n = 0;
  while (!done (d, target, 0) && n < 200)
    {
      reference (d, lang);
      n++;
    }
}

static uint64_t
ref_reserve (doc_t *d, uint64_t target)
{
  uint64_t r = 220ULL * rrange (&d->r, 8, 40);
  if (r > target / 5)
    r = target / 5;
  return r;
}

static void
author_block (doc_t *d)
{
  buf_t *b = &d->para;
  int na = (int) rrange (&d->r, 1, 3);
  const char *first[3], *sur[3];
  b->n = 0;
  for (int i = 0; i < na; i++)
    {
      first[i] = wl_pick (&TR_FIRST, &d->r);
      sur[i] = wl_pick (&TR_SUR, &d->r);
      if (i)
        bputs (b, ", ");
      bputs (b, first[i]);
      bputc (b, ' ');
      size_t at = b->n;
      put_cased (b, sur[i], strlen (sur[i]), CAP_ALL, L_TR);
      if (i == 0) /* running header of odd pages: first author */
        snprintf (d->header[1], sizeof d->header[1], "%s %.*s%s", first[0], (int) (b->n - at),
                  b->p + at, na > 1 ? (na > 2 ? " vd." : " ve ark.") : "");
      for (int k = 0; k <= i; k++)
        bputc (b, '*');
    }
  out_para (d, b->p, b->n, 1);
  for (int i = 0; i < na; i++)
    {
      b->n = 0;
      for (int k = 0; k <= i; k++)
        bputc (b, '*');
      bputc (b, ' ');
      bputs (b, wl_pick (&TR_TITLE, &d->r));
      bputs (b, ", ");
      const char *u = wl_pick (&TR_UNI, &d->r);
      const char *colon = strchr (u, ':');
      bput (b, u, (size_t) (colon - u));
      bputs (b, ", ");
      bputs (b, wl_pick (&TR_FAC, &d->r));
      bputs (b, ", ");
      bputs (b, wl_pick (&TR_DEPT, &d->r));
      bputs (b, ", ");
      /* e-mail from the author's name */
      buf_t *t = &d->tmp;
      t->n = 0;
      bputs (t, first[i]);
      bputc (t, '.');
      bputs (t, sur[i]);
      for (size_t j = 0; j < t->n;)
        {
          unsigned char c = (unsigned char) t->p[j];
          if (c < 0x80)
            {
              bputc (b, (char) ((c >= 'A' && c <= 'Z') ? c + 32 : c));
              j++;
              continue;
            }
          unsigned char e = (unsigned char) t->p[j + 1];
          char o = '?';
          if (c == 0xC3)
            o = (e == 0xA7 || e == 0x87) ? 'c' : (e == 0xB6 || e == 0x96) ? 'o' : 'u';
          else if (c == 0xC4)
            o = (e == 0x9F || e == 0x9E) ? 'g' : 'i';
          else if (c == 0xC5)
            o = 's';
          bputc (b, o);
          j += 2;
        }
      bputc (b, '@');
      bputs (b, colon + 1);
      if (rperm (&d->r, 600))
        {
          bputs (b, ", ORCID: 0000-000");
          bputu (b, rrange (&d->r, 1, 3));
          bputc (b, '-');
          bputu0 (b, rrange (&d->r, 0, 9999), 4);
          bputc (b, '-');
          bputu0 (b, rrange (&d->r, 0, 9999), 4);
        }
      out_para (d, b->p, b->n, 1);
    }
  b->n = 0;
  bputs (b, "Geliş Tarihi: ");
  unsigned y = rrange (&d->r, 2005, 2023);
  bputu0 (b, rrange (&d->r, 1, 28), 2);
  bputc (b, '.');
  bputu0 (b, rrange (&d->r, 1, 12), 2);
  bputc (b, '.');
  bputu (b, y);
  bputs (b, " / Kabul Tarihi: ");
  bputu0 (b, rrange (&d->r, 1, 28), 2);
  bputc (b, '.');
  bputu0 (b, rrange (&d->r, 1, 12), 2);
  bputc (b, '.');
  bputu (b, y + 1);
  out_para (d, b->p, b->n, 1);
}

static void
set_headers (doc_t *d, int lang, const char *a, const char *b)
{
  snprintf (d->header[0], sizeof d->header[0], "%s", a);
  snprintf (d->header[1], sizeof d->header[1], "%s", b);
  (void) lang;
}

static void
journal_header (doc_t *d, int lang, char *out, size_t n)
{
  const char *j = lang == L_TR ? wl_pick (&TR_JOUR, &d->r) : wl_pick (&EN_JOUR, &d->r);
  unsigned y = rrange (&d->r, 2000, 2024), v = rrange (&d->r, 1, 60), i = rrange (&d->r, 1, 4);
  if (lang == L_TR)
    snprintf (out, n, "%s, Cilt: %u, Sayı: %u, %u", j, v, i, y);
  else
    snprintf (out, n, "%s %u(%u), %u", j, v, i, y);
}

/* Turkish article with English abstract */
static void
doc_tr_article (doc_t *d, uint64_t target)
{
  char jh[256], ah[256];
  journal_header (d, L_TR, jh, sizeof jh);
  snprintf (ah, sizeof ah, "%s", wl_pick (&TR_SUR, &d->r));
  {
    buf_t t = { 0 };
    put_cased (&t, ah, strlen (ah), CAP_ALL, L_TR);
    snprintf (ah, sizeof ah, "%s %s", wl_pick (&TR_FIRST, &d->r), t.p);
    free (t.p);
  }
  set_headers (d, L_TR, jh, ah);
  if (d->mode == M_PDF && rperm (&d->r, 500))
    {
      out_line (d, jh, strlen (jh));
    }
  title_line (d, L_TR, 1);
  author_block (d);
  heading (d, rperm (&d->r, 800) ? "Öz" : "ÖZ");
  paragraph (d, L_TR, (int) rrange (&d->r, 6, 11));
  keywords_line (d, L_TR);
  title_line (d, L_EN, rperm (&d->r, 300));
  heading (d, rperm (&d->r, 800) ? "Abstract" : "ABSTRACT");
  paragraph (d, L_EN, (int) rrange (&d->r, 5, 10));
  keywords_line (d, L_EN);
  if (rperm (&d->r, 250))
    {
      heading (d, "Extended Abstract");
      for (int i = 0, n = (int) rrange (&d->r, 2, 4); i < n; i++)
        paragraph (d, L_EN, (int) rrange (&d->r, 4, 8));
    }
  int numbered = rperm (&d->r, 500), sect = 1;
  heading (d, numbered ? "1. Giriş" : (rperm (&d->r, 500) ? "GİRİŞ" : "Giriş"));
  uint64_t rr = ref_reserve (d, target);
  body (d, L_TR, target, rr + 1500, numbered, !numbered, &sect);
  heading (d, numbered ? "Sonuç" : "SONUÇ");
  paragraph (d, L_TR, (int) rrange (&d->r, 3, 7));
  references (d, L_TR, target);
}

static void
doc_tr_plain (doc_t *d, uint64_t target)
{
  set_headers (d, L_TR, "", "");
  if (d->mode == M_PDF)
    {
      char h[256];
      journal_header (d, L_TR, h, sizeof h);
      set_headers (d, L_TR, h, h);
    }
  title_line (d, L_TR, rperm (&d->r, 500));
  if (rperm (&d->r, 500))
    {
      buf_t *b = &d->para;
      b->n = 0;
      if (rperm (&d->r, 500))
        {
          bputu0 (b, rrange (&d->r, 1, 28), 2);
          bputc (b, '.');
          bputu0 (b, rrange (&d->r, 1, 12), 2);
          bputc (b, '.');
          bputu (b, rrange (&d->r, 1995, 2024));
        }
      else
        {
          bputu (b, rrange (&d->r, 1, 28));
          bputc (b, ' ');
          bputs (b, wl_pick (&TR_MONTHS, &d->r));
          bputc (b, ' ');
          bputu (b, rrange (&d->r, 1995, 2024));
        }
      bputs (b, " - ");
      bputs (b, wl_pick (&TR_PLACES, &d->r));
      out_para (d, b->p, b->n, 1);
    }
  int sect = 0;
  body (d, L_TR, target, 300, 0, rperm (&d->r, 500), &sect);
  if (rperm (&d->r, 400))
    {
      buf_t *b = &d->para;
      b->n = 0;
      sb_t s = { d, b, L_TR, 0, CAP_NONE };
      sb_wordz (&s, "Kaynak:");
      url_tok (d, &s, L_TR);
      out_para (d, b->p, b->n, 1);
    }
}

static void
doc_en_plain (doc_t *d, uint64_t target, int quotes)
{
  set_headers (d, L_EN, "", "");
  if (d->mode == M_PDF)
    {
      char h[256], a[256];
      journal_header (d, L_EN, h, sizeof h);
      snprintf (a, sizeof a, "%s %s", wl_pick (&EN_FIRST, &d->r), wl_pick (&EN_SUR, &d->r));
      set_headers (d, L_EN, h, a);
    }
  title_line (d, L_EN, rperm (&d->r, 300));
  {
    buf_t *b = &d->para;
    b->n = 0;
    bputs (b, wl_pick (&EN_FIRST, &d->r));
    bputc (b, ' ');
    bputs (b, quotes && rperm (&d->r, 500) ? wl_pick (&TR_SUR, &d->r) : wl_pick (&EN_SUR, &d->r));
    out_para (d, b->p, b->n, 1);
  }
  int articled = rperm (&d->r, 500);
  if (articled)
    {
      heading (d, "Abstract");
      paragraph (d, L_EN, (int) rrange (&d->r, 4, 9));
      keywords_line (d, L_EN);
      heading (d, "1. Introduction");
    }
  uint64_t rr = articled ? ref_reserve (d, target) : 300;
  int sect = 1;
  int since = 0, next = (int) rrange (&d->r, 2, 6);
  while (!done (d, target, rr))
    {
      if (quotes && since >= next)
        {
          buf_t *b = &d->para;
          b->n = 0;
          uint32_t k = rbelow (&d->r, 100);
          if (k < 50)
            {
              /* block quotation in Turkish */
              int n = (int) rrange (&d->r, 1, 4);
              for (int i = 0; i < n; i++)
                tr_sentence (d, b, 0);
              sb_t s = { d, b, L_EN, 1, CAP_NONE };
              citation (d, &s, L_TR, 1);
              out_para (d, b->p, b->n, 0);
            }
          else
            {
              /* inline: As X notes, “...” (translation) */
              sb_t s = { d, b, L_EN, 0, CAP_FIRST };
              static const char *intro[] = { "As", "According to", "In the words of" };
              sb_wordz (&s, intro[rbelow (&d->r, 3)]);
              sb_wordz (&s, wl_pick (&TR_FIRST, &d->r));
              sb_wordz (&s, wl_pick (&TR_SUR, &d->r));
              sb_punct (&s, ",");
              sb_open (&s, "“");
              buf_t *q = &d->tmp;
              q->n = 0;
              tr_sentence (d, q, 0);
              bput (b, q->p, q->n);
              bputs (b, "”");
              s.space = 1;
              sb_open (&s, "(");
              sb_wordz (&s, rperm (&d->r, 500) ? "my translation:" : "translation:");
              s.space = 1;
              sb_open (&s, "“");
              q->n = 0;
              en_sentence (d, q, 14);
              bput (b, q->p, q->n);
              bputs (b, "”)");
              s.space = 1;
              en_sentence (d, b, 0);
              out_para (d, b->p, b->n, 0);
            }
          since = 0;
          next = (int) rrange (&d->r, 2, 6);
          continue;
        }
      /* sections */
      if (articled && rperm (&d->r, 90))
        {
          buf_t *b = &d->para;
          b->n = 0;
          sect++;
          bputu (b, (uint64_t) sect);
          bputs (b, ". ");
          const char *h = wl_pick (&EN_SECT, &d->r);
          bputs (b, h);
          out_para (d, b->p, b->n, 1);
        }
      if (quotes && rperm (&d->r, 150))
        {
          /* paragraph with a Turkish term */
          buf_t *b = &d->para;
          b->n = 0;
          en_sentence (d, b, 0);
          sb_t s = { d, b, L_EN, 1, CAP_FIRST };
          sb_wordz (&s, "The term");
          sb_open (&s, "“");
          sb_t t = s;
          t.lang = L_TR;
          t.cap = CAP_NONE;
          tr_content (d, 0);
          sb_word (&t, d->word.p, d->word.n);
          tr_content (d, 0);
          sb_word (&t, d->word.p, d->word.n);
          bputs (b, "”");
          s.space = 1;
          s.cap = CAP_NONE;
          sb_wordz (&s, "is usually translated as");
          en_content (d, 0);
          sb_word (&s, d->word.p, d->word.n);
          sb_punct (&s, ".");
          for (int i = 0, n = (int) rrange (&d->r, 1, 5); i < n; i++)
            en_sentence (d, b, 0);
          out_para (d, b->p, b->n, 0);
        }
      else
        {
          paragraph (d, L_EN, (int) rrange (&d->r, 2, 8));
        }
      since++;
    }
  if (articled)
    references (d, L_EN, target);
}

enum { D_TR_ARTICLE, D_TR_PLAIN, D_EN_PLAIN, D_EN_QUOTE, D_NTYPES };
static const uint16_t DOC_W[D_NTYPES] = { 35, 27, 22, 16 };

static uint64_t
write_doc (const char *dir, unsigned idx, uint64_t seed, uint64_t target, int big)
{
  static doc_t d; /* scratch buffers reused across documents */
  char path[4096];
  snprintf (path, sizeof path, "%s/doc-%06u.txt", dir, idx);
  d.f = fopen (path, "wb");
  if (!d.f)
    {
      fprintf (stderr, "gencorpus: %s: %s\n", path, strerror (errno));
      exit (1);
    }
  rseed (&d.r, mix64 (seed * 0x2545F4914F6CDD1DULL + idx));
  d.bytes = 0;
  d.ob.n = d.para.n = d.word.n = d.tmp.n = 0;
  int type = wpick (&d.r, DOC_W, D_NTYPES, 100);
  uint32_t pdf_p = type == D_TR_ARTICLE ? 550 : 250;
  if (big)
    pdf_p = 400;
  if (rperm (&d.r, pdf_p))
    {
      d.mode = M_PDF;
    }
  else
    {
      uint32_t k = rbelow (&d.r, 100);
      d.mode = k < 50 ? M_LINE : k < 75 ? M_WRAP : M_LINE_NOBLANK;
    }
  d.width = d.mode == M_PDF ? (int) rrange (&d.r, 60, 100) : (int) rrange (&d.r, 68, 80);
  d.page_lines = (int) rrange (&d.r, 30, 48);
  d.line_on_page = 0;
  d.page = (int) rrange (&d.r, 1, 400);
  d.header[0][0] = d.header[1][0] = 0;
  d.apos = rperm (&d.r, 550) ? "’" : "'";
  d.hyph_p = (int) rrange (&d.r, 100, 600);
  d.gloss_p = type == D_TR_PLAIN && rperm (&d.r, 500) ? 0 : 12;
  switch (type)
    {
    case D_TR_ARTICLE:
      doc_tr_article (&d, target);
      break;
    case D_TR_PLAIN:
      doc_tr_plain (&d, target);
      break;
    case D_EN_PLAIN:
      doc_en_plain (&d, target, 0);
      break;
    default:
      doc_en_plain (&d, target, 1);
      break;
    }
  out_flush (&d);
  if (fclose (d.f) != 0)
    {
      fprintf (stderr, "gencorpus: %s: %s\n", path, strerror (errno));
      exit (1);
    }
  return d.bytes;
}

/* --------------------------------------------------------------- main */

static uint64_t
parse_size (const char *s)
{
  char *e;
  errno = 0;
  unsigned long long v = strtoull (s, &e, 10);
  if (errno || e == s)
    return 0;
  uint64_t m = 1;
  if (*e == 'k' || *e == 'K')
    m = 1ULL << 10, e++;
  else if (*e == 'm' || *e == 'M')
    m = 1ULL << 20, e++;
  else if (*e == 'g' || *e == 'G')
    m = 1ULL << 30, e++;
  if (*e == 'i')
    e++;
  if (*e == 'B' || *e == 'b')
    e++;
  if (*e)
    return 0;
  return (uint64_t) v * m;
}

static void
usage (FILE *f)
{
  fprintf (f, "usage: gencorpus [--seed N] SIZE OUTDIR\n"
              "  SIZE: bytes, with optional suffix K, M, G (powers of 1024), e.g. 10M, 100M, 1G\n"
              "  writes OUTDIR/doc-NNNNNN.txt (deterministic for a given seed and size)\n");
}

int
main (int argc, char **argv)
{
  uint64_t seed = 1;
  const char *sz = NULL, *dir = NULL;
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        {
          seed = strtoull (argv[++i], NULL, 0);
        }
      else if (strncmp (argv[i], "--seed=", 7) == 0)
        {
          seed = strtoull (argv[i] + 7, NULL, 0);
        }
      else if (strcmp (argv[i], "-h") == 0 || strcmp (argv[i], "--help") == 0)
        {
          usage (stdout);
          return 0;
        }
      else if (!sz)
        {
          sz = argv[i];
        }
      else if (!dir)
        {
          dir = argv[i];
        }
      else
        {
          usage (stderr);
          return 2;
        }
    }
  if (!sz || !dir)
    {
      usage (stderr);
      return 2;
    }
  uint64_t total = parse_size (sz);
  if (total < 4096)
    {
      fprintf (stderr, "gencorpus: bad SIZE '%s' (minimum 4K)\n", sz);
      return 2;
    }
  if (mkdir (dir, 0777) != 0 && errno != EEXIST)
    {
      fprintf (stderr, "gencorpus: %s: %s\n", dir, strerror (errno));
      return 1;
    }
  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);

  wl_init (&TR_FUNC, TR_FUNC_SRC);
  wl_init (&TR_CONT, TR_CONT_SRC);
  wl_init (&EN_FUNC, EN_FUNC_SRC);
  wl_init (&EN_CONT, EN_CONT_SRC);
  wl_init (&TR_OPEN, TR_OPENERS_SRC);
  wl_init (&EN_OPEN, EN_OPENERS_SRC);
  wl_init (&TR_VEND, TR_VERBEND_SRC);
  wl_init (&TR_PLACES, TR_PLACES_SRC);
  wl_init (&TR_ACRO, TR_ACRO_SRC);
  wl_init (&TR_ACRO_SND, TR_ACRO_SND_SRC);
  wl_init (&TR_FIRST, TR_FIRST_SRC);
  wl_init (&TR_SUR, TR_SUR_SRC);
  wl_init (&EN_PLACES, EN_PLACES_SRC);
  wl_init (&EN_FIRST, EN_FIRST_SRC);
  wl_init (&EN_SUR, EN_SUR_SRC);
  wl_init (&TR_MONTHS, TR_MONTHS_SRC);
  wl_init (&EN_MONTHS, EN_MONTHS_SRC);
  TR_JOUR = wl_bar (TR_JOURNAL_SRC);
  EN_JOUR = wl_bar (EN_JOURNAL_SRC);
  TR_UNI = wl_bar (TR_UNI_SRC);
  TR_FAC = wl_bar (TR_FAC_SRC);
  TR_DEPT = wl_bar (TR_DEPT_SRC);
  TR_TITLE = wl_bar (TR_TITLE_SRC);
  PUBL = wl_bar (PUBL_SRC);
  TR_SECT = wl_bar (TR_SECT_SRC);
  EN_SECT = wl_bar (EN_SECT_SRC);

  zipf_init (&Z_TR_FUNC, (uint32_t) TR_FUNC.n + 1, 2, 0, 0);
  zipf_init (&Z_EN_FUNC, (uint32_t) EN_FUNC.n + 1, 1, 0, 0);
  /* content stems: 1/(r+q) over the real words, then r^-(1+a) up to 2^28 */
  zipf_init (&Z_TR_CONT, STEM_HEAD, STEM_RANK_Q, 20, STEM_TAIL_F16);
  zipf_init (&Z_EN_CONT, STEM_HEAD, STEM_RANK_Q, 20, STEM_TAIL_F16);
  T_NCH = chain_total (TR_NCHAIN, NCH (TR_NCHAIN));
  T_VCH = chain_total (TR_VCHAIN, NCH (TR_VCHAIN));
  T_VFIN = chain_total (TR_VFIN, NCH (TR_VFIN));
  T_ACH = chain_total (TR_ACHAIN, NCH (TR_ACHAIN));
  T_NAMECH = chain_total (TR_NAMECHAIN, NCH (TR_NAMECHAIN));
  T_NUMCH = chain_total (TR_NUMCHAIN, NCH (TR_NUMCHAIN));
  T_TCH = chain_total (TR_TCHAIN, NCH (TR_TCHAIN));
  T_TVCH = chain_total (TR_TVCHAIN, NCH (TR_TVCHAIN));
  TR_STEMS = xcalloc (STEM_CACHE, sizeof (stem_t));
  EN_STEMS = xcalloc (STEM_CACHE, sizeof (stem_t));

  /* plan document sizes */
  rng_t g;
  rseed (&g, mix64 (seed ^ 0x67656E636F727075ULL) ^ total);
  size_t cap = 1024, nd = 0;
  uint64_t *sizes = xmalloc (cap * sizeof *sizes);
  unsigned char *bigf = xmalloc (cap);
  uint64_t sum = 0;
  const uint64_t MiB = 1ULL << 20;
  if (total >= 100 * MiB)
    {
      int nbig = 1 + (int) (total / (300 * MiB));
      uint64_t hi = total / 5 < 50 * MiB ? total / 5 : 50 * MiB;
      if (hi < 20 * MiB)
        hi = 20 * MiB;
      for (int i = 0; i < nbig; i++)
        {
          sizes[nd] = 20 * MiB + (hi > 20 * MiB ? rnext (&g) % (hi - 20 * MiB + 1) : 0);
          bigf[nd] = 1;
          sum += sizes[nd++];
        }
    }
  uint64_t lo = 20 * 1024, hi = 2 * MiB;
  if (hi > total / 8)
    hi = total / 8;
  if (hi < 2 * lo)
    hi = 2 * lo;
  if (lo > total)
    lo = hi = total;
  while (sum < total)
    {
      if (nd == cap)
        {
          cap *= 2;
          sizes = xrealloc (sizes, cap * sizeof *sizes);
          bigf = xrealloc (bigf, cap);
        }
      uint64_t s = loguniform (&g, lo, hi);
      if (sum + s > total || total - (sum + s) < lo / 2)
        s = total - sum;
      sizes[nd] = s;
      bigf[nd] = 0;
      sum += s;
      nd++;
    }
  /* shuffle so the big documents are spread out */
  for (size_t i = nd; i > 1; i--)
    {
      size_t j = (size_t) (rnext (&g) % i);
      uint64_t t = sizes[i - 1];
      sizes[i - 1] = sizes[j];
      sizes[j] = t;
      unsigned char b = bigf[i - 1];
      bigf[i - 1] = bigf[j];
      bigf[j] = b;
    }

  uint64_t written = 0, planned = 0;
  for (size_t i = 0; i < nd; i++)
    {
      planned += sizes[i];
      uint64_t target = planned > written ? planned - written : 0;
      if (target < 4096)
        target = 4096;
      written += write_doc (dir, (unsigned) i, seed, target, bigf[i]);
    }
  clock_gettime (CLOCK_MONOTONIC, &t1);
  double secs = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
  fprintf (stderr, "gencorpus: %zu files, %llu bytes (requested %llu, %+.2f%%) in %s in %.1f s\n",
           nd, (unsigned long long) written, (unsigned long long) total,
           100.0 * ((double) written - (double) total) / (double) total, dir, secs);
  return 0;
}
