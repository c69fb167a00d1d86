#!/usr/bin/env python3
# train-langid.py — regenerates src/lib/langid-model.c (character trigram costs and
# the word table of langid.c) from Turkish and English text found on a Debian
# system plus the prose below. Python 3 standard library only; see README.md.

import argparse
import collections
import glob
import gzip
import math
import os
import re
import struct
import sys

# ---------------------------------------------------------------------------
# Symbols: must match langid.c exactly.

SYM_BOUND = 0          # word start/end mark
# 1..26 = a..z
SYM_CCED, SYM_GBREVE, SYM_DOTLESS_I, SYM_OUML, SYM_SCED, SYM_UUML = range(27, 33)
SYM_APOS = 33          # apostrophe inside a word
SYM_DIGIT = 34         # a run of digits (context only, never scored)
SYM_LATIN = 35         # any other Latin letter
SYM_CAP_I = 36         # 'I': ı in Turkish, i in English (runtime only)
NSYM = 37

SYM_I = ord('i') - ord('a') + 1

LETTER_SYMS = set(range(1, 33)) | {SYM_LATIN, SYM_CAP_I}

TURKISH = {
    'ç': (SYM_CCED, False), 'Ç': (SYM_CCED, True),
    'ğ': (SYM_GBREVE, False), 'Ğ': (SYM_GBREVE, True),
    'ı': (SYM_DOTLESS_I, False), 'İ': (SYM_I, True),
    'ö': (SYM_OUML, False), 'Ö': (SYM_OUML, True),
    'ş': (SYM_SCED, False), 'Ş': (SYM_SCED, True),
    'ü': (SYM_UUML, False), 'Ü': (SYM_UUML, True),
    'â': (1, False), 'Â': (1, True),
    'î': (SYM_I, False), 'Î': (SYM_I, True),
    'û': (21, False), 'Û': (21, True),
}
APOSTROPHES = {0x27, 0x60, 0xB4, 0x2BC, 0x2018, 0x2019}
SPACES = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x202F, 0x205F,
          0x3000} | set(range(0x2000, 0x200B))
IGNORABLE = ({0xA8, 0xAD, 0xAF, 0xB8, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}
             | set (range (0x2C2, 0x2E0)) | set (range (0x300, 0x370)))
LIGATURES = {'\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi',
             '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st'}


def is_foreign (cp):
    """Letters of scripts other than Latin (same ranges as langid.c)."""
    return (0x370 <= cp < 0x1D00 or 0x2E80 <= cp < 0x3000
            or 0x3040 <= cp < 0xD800 or 0xF900 <= cp < 0xFB00
            or 0xFB1D <= cp < 0xFE00 or 0xFE70 <= cp < 0xFEFF
            or 0x10000 <= cp < 0x1F000)


def is_other_latin (cp):
    return ((0xC0 <= cp <= 0x24F and cp not in (0xD7, 0xF7))
            or 0x250 <= cp <= 0x2AF or 0x1E00 <= cp <= 0x1EFF)


def classify (ch):
    """(kind, symbol, upper): kind L letter, D digit, A apostrophe, S space,
    F foreign letter, Z ignorable, P anything else."""
    cp = ord (ch)
    if 'a' <= ch <= 'z':
        return 'L', cp - 96, False
    if 'A' <= ch <= 'Z':
        return 'L', SYM_CAP_I if ch == 'I' else cp - 64, True
    if '0' <= ch <= '9':
        return 'D', SYM_DIGIT, False
    if ch in TURKISH:
        s, up = TURKISH[ch]
        return 'L', s, up
    if cp in APOSTROPHES:
        return 'A', SYM_APOS, False
    if cp in SPACES:
        return 'S', 0, False
    if cp in IGNORABLE:
        return 'Z', 0, False
    if is_other_latin (cp):
        return 'L', SYM_LATIN, ch.isupper ()
    if is_foreign (cp):
        return 'F', 0, False
    return 'P', 0, False


def fold_sym (s, lang):
    if s == SYM_CAP_I:
        return SYM_DOTLESS_I if lang == 'tr' else SYM_I
    return s


def words (text):
    """Yields (symbols, upper_flags) for every word of @text, the way langid.c
    cuts them: letters and digit runs, with an apostrophe kept only between a
    word character and a letter."""
    syms = []
    ups = []
    pending_apos = False
    for lig, letters in LIGATURES.items ():
        text = text.replace (lig, letters)
    for ch in text:
        kind, s, up = classify (ch)
        if kind == 'Z':
            continue
        if kind == 'L':
            if pending_apos:
                syms.append (SYM_APOS)
                ups.append (False)
                pending_apos = False
            syms.append (s)
            ups.append (up)
            continue
        if kind == 'D':
            if pending_apos:
                if syms:
                    yield syms, ups
                syms, ups = [], []
                pending_apos = False
            if not syms or syms[-1] != SYM_DIGIT:
                syms.append (SYM_DIGIT)
                ups.append (False)
            continue
        if kind == 'A' and syms and not pending_apos:
            pending_apos = True
            continue
        if syms:
            yield syms, ups
        syms, ups = [], []
        pending_apos = False
    if syms:
        yield syms, ups


def scored_trigrams (syms):
    """The (a, b, c) trigrams langid.c scores for one word."""
    p2, p1 = SYM_BOUND, SYM_BOUND
    for c in syms:
        if c != SYM_DIGIT:
            yield p2, p1, c
        p2, p1 = p1, c
    if p1 in LETTER_SYMS:
        yield p2, p1, SYM_BOUND


def fnv1a (syms):
    h = 2166136261
    for s in syms:
        h ^= s
        h = (h * 16777619) & 0xFFFFFFFF
    return h

# ---------------------------------------------------------------------------
# Given names (and a few very common surnames); a line '~ ...' lists names that
# are also ordinary words or places, never evidence of a name line by themselves.

NAMES = '''\
# Turkish given names
Abdullah Adem Adnan Ahmet Akın Alev Ali Alp Alper Altan Arda Arif Arzu Aslı Aslıhan Atilla Atakan Ayça Aydın Aygül Aylin Ayşe Ayşegül Aytaç Aytekin Ayten Azize Bahar Banu Barış Başak Battal Bayram Bedia Bekir Belgin Belma Berat Berk Berkay Beril Berna Betül Beyza Bilal Bilge Binnur Birol Buket Bülent Burak Burcu Bülent Büşra Cahit Can Canan Caner Cansu Celal Cem Cemal Cemil Cengiz Cenk Ceren Cevdet Ceyda Ceyhun Cihan Cüneyt Çağatay Çağla Çağrı Çiğdem Damla Demet Deniz Derya Devrim Dilek Dilara Doğan Doğukan Duygu Ebru Ece Ecem Ecevit Eda Egemen Ekrem Elçin Elif Emel Emine Emir Emre Ender Engin Enis Ercan Erdal Erdem Erdoğan Eren Ergün Erhan Erkan Erol Ersin Ertan Ertuğrul Esin Esma Esra Ethem Evren Eylem Ezgi Fadime Fahri Faruk Fatih Fatma Fazıl Feride Feyza Fikret Filiz Fırat Fuat Funda Gamze Gizem Gökhan Gökçe Gönül Gözde Gül Gülay Gülşen Gülten Güler Gürkan Güven Hacer Hakan Hale Halil Halit Hamdi Hamza Handan Hande Harun Hasan Hatice Hayati Hilal Hülya Hüseyin İbrahim İlhan İlker İlknur İnci İpek İrem İsmail İsmet Kaan Kadir Kamil Kemal Kenan Kerem Kübra Kudret Leyla Levent Mahmut Mehmet Melek Melike Melis Meltem Meral Merve Mesut Metin Mehtap Mine Mualla Muammer Murat Musa Mustafa Necati Necla Nedim Nermin Neslihan Nesrin Nevzat Nihal Nihat Nilay Nilüfer Nur Nuray Nurcan Nuri Oğuz Oğuzhan Okan Oktay Orhan Osman Ömer Önder Özcan Özge Özlem Pelin Pınar Rabia Rahmi Ramazan Rasim Recep Reşat Rıza Rukiye Sabri Sadık Sait Salih Samet Seda Sedat Sefa Selçuk Selim Selin Selma Semra Serap Serdar Serhat Serkan Sevda Sevgi Sevil Seyfi Sibel Sinan Songül Suat Süleyman Sümeyye Şahin Şebnem Şenol Şerif Şeyma Şükrü Tahsin Talat Taner Tansu Tarık Tayfun Tayyip Tülay Tuba Tuğba Tuğçe Tuncay Turgut Ufuk Uğur Ülkü Ümit Vedat Veli Volkan Yakup Yasin Yasemin Yavuz Yeliz Yiğit Yıldız Yılmaz Yunus Yusuf Mert Zafer Zehra Zeki Zerrin Zeynep Ziya Zübeyde
Onur Özgür Tolga Ozan Koray Batuhan Furkan Enes Sena Nisa Aleyna Ela Defne Asya Gökay Tuncer Halis Necdet Nejat Cevat Sezgin Sezer Sevim Nazlı Nazan Oya Perihan Refik Reha Saadet Sabahattin Sami Şefik Şule Tamer Tevfik Yalçın Yaşar Yeşim Zuhal Umut Yağmur Nadir Şeref
Abdülkadir Abdurrahman Adil Afet Ahu Akif Alpaslan Alparslan Asım Atıf Avni Aydan Aysel Ayşen Baha Bahadır Baran Barbaros Başar Baki Bedri Behçet Behiye Beyhan Birgül Bora Burçin Cafer Cahide Celalettin Cemile Cenap Ceyhan Cihat Çetin Dursun Efe Ekin Emin Emrah Eray Erdinç Erkin Ersoy Eser Esat Evrim Fahrettin Ferhat Ferit Feyzi Figen Fikri Gaye Göksel Gülbahar Gülizar Gülnur Gürsel Hadi Hafize Haldun Halime Haluk Hamit Hasret Haydar Hayri Hikmet Hilmi Hulusi Hurşit Hüsnü İdil İhsan İlkay İlyas İnan İsa İskender İzzet Kâmil Kazım Kerim Korhan Kutlu Lale Latif Lütfi Macit Mahir Makbule Mazhar Mecit Mehmed Melih Memduh Mete Mevlüt Mithat Muhammet Muharrem Muhittin Mukadder Mutlu Münevver Naci Nail Nazım Nazif Necip Nejla Nevin Nezih Nihan Nuh Numan Nurettin Nurhan Okay Olcay Ömür Özden Recai Reşit Rıfat Ruhi Rüştü Sabiha Sadettin Safiye Salim Sanem Sebahat Seçil Sedef Selahattin Selami Semih Sercan Serpil Sertaç Sevgül Sevinç Seyit Sezai Sinem Soner Suna Süheyla Şafak Şahika Şenay Şener Şükran Tacettin Tahir Tanju Tarkan Taylan Temel Timur Tuğrul Tülin Turan Ulaş Utku Ümran Ünal Vahit Vahap Vehbi Veysel Yahya Yeter Yıldırım Yüksel Zekai Zülfü Zümrüt
# common Turkish surnames
Yılmaz Kaya Demir Şahin Çelik Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Erdoğan Korkmaz Özer Güneş Aksoy Yavuz Bulut Tekin Acar Karaca Taşdemir Yücel Keskin Uçar Ünal Bozkurt Türkmen Gündoğdu Altun Aktaş Kahraman Çakır Erdem Güler Ateş Sarı Coşkun Avcı Tunç
# English given names
Aaron Adam Adrian Alan Albert Alex Alexander Alice Alison Amanda Amy Andrew Angela Ann Anna Anne Anthony Arthur Barbara Benjamin Beth Betty Brian Bruce Carl Carol Caroline Catherine Charles Charlotte Chris Christine Christopher Claire Daniel David Deborah Dennis Diana Donald Dorothy Douglas Edward Elizabeth Ellen Emily Emma Eric Frank Gary George Gerald Grace Gregory Hannah Harold Harry Heather Helen Henry Howard Ian Jack Jacob James Jane Janet Jason Jeffrey Jennifer Jeremy Jessica Joan John Jonathan Joseph Joshua Joyce Judith Julia Julie Justin Karen Katherine Kathleen Keith Kelly Kenneth Kevin Laura Lawrence Linda Lisa Louise Lucy Margaret Maria Marie Mark Martha Martin Mary Matthew Megan Melissa Michael Michelle Nancy Nicholas Nicole Oliver Pamela Patricia Patrick Paul Peter Philip Rachel Ralph Raymond Rebecca Richard Robert Roger Ronald Rose Russell Ruth Ryan Samuel Sandra Sarah Scott Sharon Simon Sophie Stephen Steven Susan Thomas Timothy Victoria Walter William Zbigniew Henry Samantha Noah Liam Olivia Ethan Nathan Kyle Tyler Brandon Joel Neil Stuart Graham Hugh Colin Alastair Fiona Joanna Hilary Condoleezza Madeleine Hillary Barack Joe Donald Boris Theresa Tony Gordon Margaret Angela Emmanuel Jacques Francois Svante Fareed Zbigniew Samuel Kenneth Joseph Robert Alexander Thomas Stephen Fiona
Abigail Alexandra Alfred Alicia Allison Andrea Anita Annie Antonio Audrey Barry Ben Bernard Beverly Bobby Bradley Brenda Brett Bryan Caitlin Cameron Carlos Carolyn Cecilia Chad Charlie Cheryl Christina Cindy Claudia Clara Clifford Connor Craig Curtis Cynthia Dale Dana Danielle Darren Dave Dawn Debra Denise Derek Diane Dominic Donna Doris Dylan Eileen Elaine Eleanor Elena Ella Eugene Evan Evelyn Felix Florence Frances Francis Fred Frederick Gabriel Gail Gavin Gemma Geoffrey Gillian Gina Glenn Greg Harriet Harvey Hazel Heidi Helena Holly Hugo Irene Isaac Isabel Jacqueline Jake Jamie Janice Jasmine Jay Jean Jeff Jenny Jerry Jesse Jill Jim Joanne Jon Judy Karl Kate Katie Kay Ken Kim Kirsty Kristen Lance Larry Lauren Leah Lee Leo Leon Leslie Lewis Liz Lois Louis Lucas Luke Lynn Malcolm Marcus Marilyn Mario Marion Marjorie Marshall Martina Matt Max Melanie Mia Mike Miranda Molly Monica Morgan Nadia Naomi Natalie Nathaniel Nigel Nina Norman Oscar Owen Paula Pauline Penny Phil Phillip Phyllis Preston Randy Regina Rhys Rita Rob Roberta Robin Rodney Roy Ruby Sally Sam Sean Seth Shane Sheila Shirley Sophia Stacy Stanley Stella Steve Sue Sylvia Tara Ted Teresa Terry Tina Todd Tom Tracy Trevor Troy Valerie Vanessa Vera Vincent Wayne Wendy Wesley Zoe
# international (Caucasus, Russia, Middle East, Central Asia)
Ilham İlham Heydar Haydar Mehriban Elchin Elçin Elmar Elnur Ramiz Vugar Vüqar Novruz Nizami Anar Araz Farid Fərid Rauf Tofiq Tofik Leyla Aida Nikol Serzh Robert Levon Ararat Armen Aram Hovhannes Arayik Ruben Eduard Mikheil Eduard Zurab Irakli Giorgi Salome Vladimir Dmitry Dmitri Sergey Sergei Mikhail Boris Yevgeny Nikolai Alexei Andrei Viktor Pavel Ivan Olga Tatiana Natalia Nursultan Kassym Islam Shavkat Emomali Saparmurat Gurbanguly Serdar Sadyr Askar Bashar Hafez Hassan Hussein Ali Mohammad Mohammed Muhammad Ahmad Ahmed Mahmoud Abdel Abdul Recep Tayyip Hasan Ruhollah Mahmud Javad Hamid Karim Reza Qasem
Zohrab Ashot Vartan Vardan Tigran Gagik Arsen Artur Jeyhun Fuad Farhad Rovshan Samir Tural Vusal Zaur Ilgar Eldar Elshad Kamran Natig Orkhan Ramil Rufat Shahin Tofig Yusif Gunel Nigar Sevinj Aynur Lala Gulnara Bidzina Levan Nino Tamar Davit Gela Ketevan Yuri Igor Oleg Konstantin Maxim Anatoly Leonid Nikita Valentina Svetlana Irina Ekaterina Galina Lyudmila Vladislav Gennady Hossein Ebrahim Abbas Jafar Majid Saeed Mehdi Masoud Sooronbay Almazbek Nurlan Yerlan Rustam Bakhtiyor Dilshod Jamshid Aziz
# AMBIGUOUS: names that are also ordinary words or places: allowed in a name line, never evidence of one
~ Onur Özgür Umut Yağmur Asya Defne Nadir Şeref Ela Sena Anne Araz Ararat Aydın Bahar Barış Bilge Can Cihan Damla Deniz Derya Devrim Doğan Emir Ender Engin Erdem Fırat Gül Güven Hale Hayati Hilal İnci İpek Islam Kudret Melek Mine Nizami Novruz Nur Pınar Seda Sefa Sevgi Ufuk Uğur Ülkü Ümit Veli Yıldız Zafer Zeki Kaya Demir Çelik Kara Koç Kurt Aslan Arslan Bulut Güneş Sarı Ateş Keskin Kılıç Kahraman Tunç Avcı Uçar Türkmen Korkmaz Tekin Coşkun Altun Polat Çakır Güler Bozkurt Yavuz Mark Rose Grace Joy Hope Faith Will Bill Frank Jack Victoria Charlotte Jordan Georgia Virginia Carol Amber Ray Dean Don Guy Joyce Ruth Serdar Tony Olivia Gordon Hugh Graham Martin
~ Eser Hadi Lale Mutlu Okay Şafak Temel Turan İnan Kutlu Ulaş Yeter Sevinç Hasret Evrim Başar Baki Ceyhan Bora Ömür Yüksel Hikmet Kerim Latif Mahir Salim Ekin Sedef Timur Dawn Robin Max Lance Jay Kay Penny Ruby Hazel Holly Sue Rob Jean Chad Dale Troy Norman Marshall Florence Nino Lala Tamar
'''

# Prose written for this model (not taken from the bundled corpus): academic,
# news and web registers that man pages and message catalogs lack.

TR_PROSE = '''\
Bu çalışmanın amacı, yerel yönetimlerin iklim değişikliğine uyum politikalarını karşılaştırmalı bir bakış açısıyla incelemektir.
Araştırmada nitel yöntem benimsenmiş, veriler yarı yapılandırılmış görüşmeler aracılığıyla toplanmıştır.
Elde edilen bulgular, belediyelerin büyük bölümünün bu alanda yeterli mali kaynağa sahip olmadığını göstermektedir.
Osmanlı Devleti’nin son döneminde taşra yönetimi, merkezileşme çabalarıyla birlikte köklü bir dönüşüm geçirmiştir.
Tanzimat Fermanı’nın ilanından sonra vilayetlerde yeni meclisler kurulmuş, vergi toplama usulleri değiştirilmiştir.
Bu süreçte yerel eşrafın etkisi azalmamış, aksine yeni kurumlar aracılığıyla farklı biçimlerde devam etmiştir.
Ekonomi politikası açısından bakıldığında, enflasyonla mücadele son yılların en önemli gündem maddesi hâline gelmiştir.
Merkez bankasının faiz kararları, hem piyasalar hem de hane halkı beklentileri üzerinde doğrudan etkili olmaktadır.
Öğrencilerin akademik başarısını etkileyen etkenler arasında ailenin sosyoekonomik durumu öne çıkmaktadır.
Ancak okul iklimi, öğretmen niteliği ve sınıf mevcudu gibi değişkenler de en az onlar kadar belirleyicidir.
Araştırmaya katılan öğretmenlerin çoğu, uzaktan eğitim sürecinde öğrencilerle iletişim kurmakta zorlandıklarını belirtmiştir.
Sağlık hizmetlerine erişimde bölgeler arası eşitsizlik, kırsal kesimde yaşayan yaşlı nüfus için ciddi bir sorun oluşturmaktadır.
Aile hekimliği uygulaması bu eşitsizliği kısmen azaltmış olsa da uzman hekim açığı hâlâ giderilememiştir.
Romanın başkahramanı, çocukluğunu geçirdiği kasabaya yıllar sonra döndüğünde her şeyin değiştiğini fark eder.
Yazar, bellek ile mekân arasındaki ilişkiyi işlerken geriye dönüşlerden ve iç monologlardan yoğun biçimde yararlanır.
Şiirlerinde doğa imgeleri sıkça yer alır; dağ, ırmak ve göç eden kuşlar yalnızlığın simgeleri olarak karşımıza çıkar.
Kişisel verilerin korunması hakkındaki kanun, veri sorumlularına açık rıza alma yükümlülüğü getirmiştir.
Mahkeme, davacının talebini yerinde bularak idari işlemin iptaline karar vermiş ve yürütmeyi durdurmuştur.
Anayasa’nın ilgili maddesi uyarınca temel hak ve özgürlükler ancak kanunla ve ölçülü biçimde sınırlandırılabilir.
Kentsel dönüşüm projeleri, mahalle sakinlerinin katılımı sağlanmadan yürütüldüğünde toplumsal tepkilere yol açmaktadır.
İstanbul’un tarihî yarımadasında yapılan kazılarda Bizans dönemine ait bir limanın kalıntılarına rastlanmıştır.
Bulunan gemi enkazları, dönemin ticaret yolları ve liman işletmeciliği hakkında önemli bilgiler sunmaktadır.
Milli takım, deplasmanda oynadığı maçta son dakikalarda attığı golle rakibini bire karşı iki golle yendi.
Teknik direktör, maçın ardından yaptığı açıklamada oyuncularının sonuna kadar mücadele ettiğini söyledi.
Yapay zekâ uygulamalarının yaygınlaşması, iş gücü piyasasında hangi mesleklerin dönüşeceği sorusunu gündeme getirmiştir.
Uzmanlar, yeni teknolojilerin bazı işleri ortadan kaldırırken yeni uzmanlık alanları da yaratacağını vurgulamaktadır.
Kuraklık nedeniyle baraj doluluk oranları son on yılın en düşük seviyesine inmiş, tarımsal sulamada kısıtlamaya gidilmiştir.
Çiftçiler, su tasarrufu sağlayan damla sulama sistemlerine geçiş için devlet desteği talep etmektedir.
Göç olgusu, yalnızca göç edenleri değil, onları kabul eden toplumları da derinden etkileyen çok boyutlu bir süreçtir.
Sığınmacıların eğitim, sağlık ve istihdam gibi temel hizmetlere erişimi, uyum politikalarının başarısını belirlemektedir.
Birinci Dünya Savaşı’nın ardından kurulan yeni düzen, bölgedeki sınır anlaşmazlıklarını çözmekten çok uzaktı.
Antlaşmanın hükümleri taraflarca farklı yorumlanmış, bu durum uzun süre devam eden gerginliklere neden olmuştur.
Dış politikada çok yönlülük, küçük ve orta ölçekli devletlerin büyük güçler arasında manevra alanı yaratma çabasıdır.
Enerji kaynaklarının taşınmasında boru hatları, üretici ve transit ülkeler arasında karşılıklı bağımlılık ilişkisi kurar.
Uluslararası örgütlerin arabuluculuk girişimleri, tarafların siyasi iradesi olmadığında somut bir sonuç vermemiştir.
Bölgesel güvenlik kompleksi kuramı, devletlerin güvenlik kaygılarının coğrafi yakınlık içinde birbirine bağlı olduğunu ileri sürer.
Kamuoyu yoklamaları, seçmenlerin önemli bir kısmının ekonomik sorunları öncelikli gördüğünü ortaya koymaktadır.
Muhalefet partileri, seçim kanununda yapılan değişikliklerin adil rekabet ortamını zedelediğini savunmuştur.
Sonuç olarak, bu bulgular politika yapıcılar için bazı önemli çıkarımlar barındırmaktadır.
Gelecekte yapılacak çalışmaların daha geniş örneklemlerle ve nicel yöntemlerle desteklenmesi önerilmektedir.
Makalenin ikinci bölümünde kuramsal çerçeve ele alınmış, üçüncü bölümde ise vaka analizine yer verilmiştir.
Tablo 2’de görüldüğü üzere, katılımcıların yaklaşık üçte biri ankete eksik yanıt vermiştir.
Şekil 1’deki grafik, 2010 ile 2020 yılları arasında ihracatın sektörlere göre dağılımını göstermektedir.
Yazarlar, çalışmanın hazırlanması sürecinde katkı sunan hakemlere teşekkür eder.
Bu makale, yazarın doktora tezinden üretilmiştir ve etik kurul izni alınmıştır.
Çıkar çatışması: Yazar herhangi bir çıkar çatışması bildirmemiştir.
Geliş tarihi ve kabul tarihi makalenin ilk sayfasında belirtilmiştir.
Kaynakça bölümünde yer alan eserler yazar soyadına göre alfabetik olarak sıralanmıştır.
Ana sayfa, hakkımızda, iletişim, duyurular, etkinlikler, yayınlar, arşiv, site haritası.
Bültenimize abone olun, son haberlerden ilk siz haberdar olun.
Tüm hakları saklıdır. Gizlilik politikası ve çerez ayarları için tıklayınız.
Devamını oku. Daha fazla göster. Önceki yazı. Sonraki yazı. Yorum yap.
Hava durumu: yarın kıyı kesimlerde sağanak yağış, iç bölgelerde parçalı bulutlu bir hava bekleniyor.
Belediye, kış aylarında evsizler için geçici barınma merkezleri açacağını duyurdu.
Vatandaşlar, toplu taşıma ücretlerine yapılan zammın geri alınması için imza kampanyası başlattı.
Geçtiğimiz hafta düzenlenen panelde, şehir planlamacıları deprem riskine karşı alınması gereken önlemleri tartıştı.
Depremin ardından bölgeye ulaşan arama kurtarma ekipleri, enkaz altındaki insanlara ulaşmak için gece gündüz çalıştı.
Yardım kampanyasına katılan gönüllüler, çadır kentlerde gıda ve battaniye dağıttı.
Türkiye ile komşuları arasındaki ticaret hacmi, son yıllarda inşaat ve enerji sektörlerinde belirgin biçimde artmıştır.
İki ülke arasında imzalanan anlaşma, gümrük işlemlerinin kolaylaştırılmasını ve vize muafiyetini öngörmektedir.
Cumhurbaşkanı, zirvenin ardından düzenlenen ortak basın toplantısında iş birliğinin derinleşeceğini ifade etti.
Dışişleri Bakanlığı’ndan yapılan yazılı açıklamada, saldırının şiddetle kınandığı belirtildi.
Uzun yıllar boyunca çözümsüz kalan sorun, taraflar arasındaki güvensizliği besleyen başlıca etken olmuştur.
Savaşın sona ermesinin ardından göç etmek zorunda kalan aileler, evlerine dönmeye başladı.
Köylerin yeniden inşası için başlatılan projeler, altyapı çalışmalarıyla birlikte sürdürülüyor.
Öte yandan, mayından temizleme çalışmaları nedeniyle bazı bölgelere dönüş henüz mümkün değildir.
Kadınların işgücüne katılım oranı, eğitim düzeyi yükseldikçe belirgin biçimde artmaktadır.
Ne var ki bakım yükünün hâlâ büyük ölçüde kadınların omuzlarında olması, bu artışı sınırlamaktadır.
Çocuk yoksulluğunu azaltmaya yönelik sosyal yardımlar, koşullu nakit transferleri şeklinde uygulanmaktadır.
Kitabın yeni baskısı, önsözü ve dizini genişletilmiş olarak okurla buluştu.
Çevirmen, özgün metnin üslubunu korumak için bazı deyimleri olduğu gibi bırakmayı tercih etmiştir.
Müzenin yeni salonunda, kazılarda çıkarılan seramik ve sikkeler ilk kez ziyaretçilere sunuluyor.
Festival kapsamında düzenlenen konserler, söyleşiler ve atölyeler bir hafta boyunca sürecek.
Bilet satışları çevrim içi olarak yapılacak; öğrenciler ve altmış beş yaş üstü ziyaretçiler indirimden yararlanabilecek.
Üniversitemiz, ulusal ve uluslararası düzeyde bilimsel araştırmalara destek vermeyi sürdürmektedir.
Lisansüstü programlara başvurular, akademik takvimde belirtilen tarihler arasında elektronik ortamda alınacaktır.
Başvuru için gerekli belgeler: diploma, transkript, yabancı dil belgesi ve iki adet referans mektubu.
Siyaset biliminde iktidar kavramı, farklı kuramsal gelenekler tarafından birbirinden oldukça farklı biçimlerde tanımlanmıştır.
Gerçekçi yaklaşım uluslararası sistemin anarşik yapısını vurgularken, liberal yaklaşım kurumların ve karşılıklı bağımlılığın önemine dikkat çeker.
İnşacı kuram ise kimliklerin ve normların devletlerin çıkarlarını nasıl biçimlendirdiğini açıklamaya çalışır.
Söz konusu dönemde ülkenin dış ticaret açığı hızla büyümüş, cari işlemler dengesi bozulmuştur.
Hükümet, bu gelişmeler üzerine ithalatı sınırlayan bir dizi önlem almak zorunda kalmıştır.
Bunun yanı sıra, bölgedeki etnik çatışmalar da dış politikanın gündemini belirleyen unsurlardan biri olmuştur.
Dolayısıyla, iki ülke arasındaki ilişkilerin yalnızca ekonomik çıkarlarla açıklanması eksik kalacaktır.
Nitekim tarihî, kültürel ve dilsel bağlar, ilişkilerin sürekliliğinde belirleyici rol oynamaktadır.
Yukarıda da belirtildiği gibi, bu tür değerlendirmeler çoğu zaman dönemin koşullarından bağımsız yapılamaz.
Kısacası, sorunun çözümü için bölgesel aktörlerin yanında küresel güçlerin de yapıcı tutum sergilemesi gerekmektedir.
Öğleden sonra başlayan yağmur, akşam saatlerinde yerini doluya bıraktı; bazı ilçelerde su baskınları yaşandı.
Çayını yudumlarken pencereden dışarı baktı; sokakta oynayan çocukların sesi yokuştan aşağı yuvarlanıyordu.
Annem her sabah erkenden kalkar, kahvaltıyı hazırlar, sonra da bahçedeki çiçekleri sulardı.
Kışın köy yolları karla kapandığında okula gidemez, sobanın başında ders çalışırdık.
Bu yüzyılın başlarında şehirleşme hızlandıkça, kırdan kente göç eden ailelerin yaşam biçimleri de değişti.
Bir ülkenin kalkınması, yalnızca ekonomik büyümeyle değil, gelirin adil paylaşımıyla da ölçülmelidir.
Özellikle gençler arasında işsizlik oranının yüksekliği, sosyal politikaların yeniden düşünülmesini zorunlu kılmaktadır.
Yerel basın, bölgedeki gelişmeleri takip etmekte ulusal medyadan çoğu zaman daha başarılıdır.
Son olarak, çalışmanın bazı sınırlılıkları bulunduğunu belirtmek gerekir.
Örneklemin tek bir ilden seçilmiş olması, bulguların genellenebilirliğini kısıtlamaktadır.
Anket formu, literatürde geçerliği ve güvenirliği sınanmış ölçeklerden uyarlanarak oluşturulmuştur.
Verilerin analizinde betimsel istatistikler, t testi ve tek yönlü varyans analizi kullanılmıştır.
Bulgular, kız ve erkek öğrencilerin tutum puanları arasında anlamlı bir fark olmadığını göstermiştir.
Hükümetin açıkladığı yeni teşvik paketi, küçük işletmelere düşük faizli kredi imkânı sağlıyor.
Yıl sonu itibarıyla işsizlik oranının bir puan gerileyeceği tahmin ediliyor.
Yaz tatili boyunca kütüphane hafta içi sabah dokuzdan akşam beşe kadar açık olacaktır.
Ödünç alınan kitapların en geç on beş gün içinde iade edilmesi gerekmektedir.
Ülkemizde her yıl binlerce hektar orman yangınlar nedeniyle zarar görmektedir.
Ağaçlandırma seferberliği kapsamında öğrenciler okul bahçelerine fidan dikti.
Tarih boyunca Anadolu, pek çok medeniyetin buluştuğu ve kaynaştığı bir coğrafya olmuştur.
Hititlerden Selçuklulara, Bizans’tan Osmanlı’ya kadar uzanan miras, bugün de şehirlerin dokusunda hissedilir.
Derginin bu sayısında, farklı disiplinlerden araştırmacıların kaleme aldığı on iki makale yer almaktadır.
Editörler kurulu, gönderilen yazıların bilimsel ölçütlere uygunluğunu çift körleme hakem süreciyle değerlendirir.
'''

EN_PROSE = '''\
The aim of this study is to compare how local governments adapt their policies to a changing climate.
A qualitative design was adopted, and the data were collected through semi-structured interviews with officials.
The findings suggest that most municipalities lack the financial resources needed to act in this field.
In the late nineteenth century, provincial administration underwent a deep transformation driven by centralisation.
After the reforms were announced, new councils were set up in the provinces and the way taxes were collected changed.
Local notables did not lose their influence; instead, they kept it in new forms through the new institutions.
From the point of view of economic policy, the fight against inflation has become the most pressing issue of recent years.
The interest rate decisions of the central bank directly affect both the markets and the expectations of households.
Among the factors that shape the academic achievement of students, the socioeconomic status of the family stands out.
However, school climate, teacher quality and class size are at least as decisive as family background.
Most of the teachers who took part in the research said that they had trouble reaching their students during remote teaching.
Regional inequality in access to health care is a serious problem for the elderly who live in rural areas.
Although the family medicine scheme has partly reduced this inequality, the shortage of specialists has not been solved.
When the hero of the novel returns to the town where he grew up, he realises that everything has changed.
The author explores the link between memory and place through flashbacks and long interior monologues.
Images of nature recur throughout her poems: mountains, rivers and migrating birds stand for loneliness.
The data protection law requires those who process personal data to obtain explicit consent.
The court upheld the claim, annulled the administrative decision and suspended its execution.
Under the relevant article of the constitution, fundamental rights may be restricted only by law and only in proportion.
Urban renewal projects provoke protests when they are carried out without the participation of local residents.
Excavations in the historic peninsula have revealed the remains of a harbour dating from the Byzantine period.
The shipwrecks found there offer valuable information about the trade routes and port management of the era.
The national team beat its rivals two goals to one in an away match, scoring the winner in the final minutes.
After the match, the head coach told reporters that his players had fought until the very end.
The spread of artificial intelligence raises the question of which professions will be transformed in the labour market.
Experts stress that new technologies will eliminate some jobs while creating new fields of expertise.
Because of the drought, reservoir levels have fallen to their lowest point in a decade and irrigation has been restricted.
Farmers are asking for state support to switch to drip irrigation systems that save water.
Migration is a many-sided process that affects not only those who move but also the societies that receive them.
Access to basic services such as education, health and employment determines whether integration policies succeed.
The order established after the First World War was far from settling the border disputes in the region.
The parties interpreted the terms of the treaty differently, and this led to tensions that lasted for many years.
A multi-vector foreign policy is an attempt by small and middle powers to create room for manoeuvre between the great powers.
Pipelines create a relationship of mutual dependence between producer and transit countries.
The mediation efforts of international organisations have produced no tangible results where political will was lacking.
Regional security complex theory holds that the security concerns of states are bound together by geographical proximity.
Opinion polls show that a large share of voters regard economic problems as their first priority.
Opposition parties argued that the changes to the electoral law undermined fair competition.
In conclusion, these findings have several important implications for policy makers.
Future studies should support these results with larger samples and quantitative methods.
The second section of the article sets out the theoretical framework, and the third presents the case study.
As Table 2 shows, roughly one third of the respondents left the questionnaire incomplete.
The chart in Figure 1 shows the distribution of exports by sector between 2010 and 2020.
The authors thank the anonymous reviewers for their helpful comments on an earlier draft.
This article is based on the author's doctoral dissertation, and ethical approval was obtained.
Conflict of interest: The author declares that there is no conflict of interest.
Received and accepted dates are given on the first page of the article.
The works in the bibliography are listed alphabetically by the surname of the author.
Home, About Us, Contact, News, Events, Publications, Archive, Site Map, Search, Log in, Sign up.
Subscribe to our newsletter and be the first to hear the latest news.
All rights reserved. Click here for our privacy policy and cookie settings.
Read more. Show more. Previous post. Next post. Leave a comment. Share this page.
Weather: heavy showers are expected on the coast tomorrow, with partly cloudy skies inland.
The city council announced that it would open temporary shelters for homeless people during the winter months.
Residents have started a petition calling for the rise in public transport fares to be withdrawn.
At a panel held last week, urban planners discussed the measures needed to reduce earthquake risk.
Search and rescue teams worked day and night to reach the people trapped under the rubble.
Volunteers who joined the aid campaign handed out food and blankets in the tent camps.
Trade between the country and its neighbours has grown markedly in recent years, above all in construction and energy.
The agreement signed by the two countries provides for simpler customs procedures and visa-free travel.
At a joint press conference after the summit, the president said that cooperation would deepen.
In a written statement, the Ministry of Foreign Affairs said that it strongly condemned the attack.
The dispute, which remained unresolved for many years, has been the main source of mistrust between the parties.
Families who had been forced to leave after the war have begun to return to their homes.
Projects to rebuild the villages are under way, together with work on roads, water and electricity.
On the other hand, return to some areas is not yet possible because of ongoing demining work.
The participation of women in the labour force rises clearly as their level of education increases.
Yet the fact that the burden of care still falls largely on women limits this increase.
Social assistance aimed at reducing child poverty takes the form of conditional cash transfers.
The new edition of the book comes with an expanded preface and index.
The translator chose to keep some idioms as they were in order to preserve the style of the original text.
The new hall of the museum displays, for the first time, pottery and coins unearthed during the excavations.
Concerts, talks and workshops will be held throughout the week as part of the festival.
Tickets are sold online; students and visitors over sixty-five are eligible for a discount.
Our university continues to support scientific research at national and international level.
Applications to graduate programmes are accepted online between the dates given in the academic calendar.
Required documents: diploma, transcript, proof of language proficiency and two letters of reference.
In political science, the concept of power has been defined in very different ways by different theoretical traditions.
While realism stresses the anarchic structure of the international system, liberalism draws attention to institutions and interdependence.
Constructivism tries to explain how identities and norms shape the interests of states.
During that period the foreign trade deficit of the country grew rapidly and the current account balance deteriorated.
In response to these developments the government had to take a series of measures to limit imports.
In addition, ethnic conflicts in the region were among the issues that set the agenda of foreign policy.
Therefore, it would be incomplete to explain the relations between the two countries by economic interests alone.
Indeed, historical, cultural and linguistic ties play a decisive role in the continuity of the relationship.
As noted above, such assessments can rarely be made independently of the conditions of the time.
In short, solving the problem requires a constructive attitude not only from regional actors but also from the global powers.
The rain that began in the afternoon turned to hail in the evening, and several districts were flooded.
She sipped her tea and looked out of the window; the voices of children playing in the street rolled down the hill.
My mother used to get up early every morning, make breakfast and then water the flowers in the garden.
In winter, when snow closed the village roads, we could not go to school and studied by the stove instead.
As urbanisation accelerated at the beginning of this century, the way of life of families moving from the countryside changed.
The development of a country should be measured not only by economic growth but also by the fair distribution of income.
The high rate of unemployment among young people in particular makes it necessary to rethink social policy.
The local press is often more successful than the national media in following developments in the region.
Finally, it should be noted that the study has some limitations.
The fact that the sample was drawn from a single province limits how far the findings can be generalised.
The questionnaire was adapted from scales whose validity and reliability had been tested in the literature.
Descriptive statistics, t-tests and one-way analysis of variance were used to analyse the data.
The results showed no significant difference between the attitude scores of female and male students.
The new incentive package announced by the government offers low-interest loans to small businesses.
Unemployment is expected to fall by one percentage point by the end of the year.
During the summer holidays the library will be open on weekdays from nine in the morning until five in the afternoon.
Borrowed books must be returned within fifteen days at the latest.
Every year thousands of hectares of forest are damaged by fires in our country.
As part of the tree planting campaign, pupils planted saplings in their school gardens.
Throughout history, Anatolia has been a land where many civilisations met and mingled.
The legacy that stretches from the Hittites to the Seljuks, and from Byzantium to the Ottomans, can still be felt in its cities.
This issue of the journal contains twelve articles written by researchers from different disciplines.
The editorial board assesses submitted papers against scholarly criteria through a double-blind review process.
I think we should have done it differently, but it's too late now, isn't it?
What they didn't know was that the bridge had already been closed for repairs.
We'll be back next week with more stories from the field; you're welcome to write to us in the meantime.
'''

# Everyday prose written for this model (not taken from any corpus or
# treebank): conversation, e-mail, messages, reviews, recipes, instructions,
# short biographies and fiction, the registers where lines are short.

TR_CHAT = '''\
Merhaba, nasılsın? Uzun zamandır görüşemedik.
İyiyim, teşekkür ederim. Sen nasılsın?
Evet, yarın sabah ofiste olacağım.
Hayır, henüz bir cevap gelmedi.
Tamam, akşam beni ara.
Tabii ki, seve seve yardım ederim.
Çok teşekkürler, eline sağlık.
Kolay gelsin, hocam.
Görüşürüz, kendine iyi bak.
Günaydın! Kahvaltı hazır mı?
İyi akşamlar, hoş geldiniz.
Hoşça kal, yine bekleriz.
Saygılarımla,
Selamlar,
Sevgiler,
Sayın yetkili,
Merhaba arkadaşlar, bugün size yeni bir tarif göstereceğim.
Malzemeler: iki su bardağı un, bir yumurta, yarım çay bardağı süt.
Soğanları ince ince doğrayın ve zeytinyağında pembeleşene kadar kavurun.
Üzerine domatesleri ekleyip kısık ateşte on dakika pişirin.
Tuz ve karabiberle tatlandırıp sıcak servis yapın.
Afiyet olsun!
Bir tatlı kaşığı tereyağı, bir tutam tuz, iki diş sarımsak.
Yarım demet maydanoz, bir çay kaşığı kırmızı biber, üç yemek kaşığı salça.
Hamuru buzdolabında yarım saat dinlendirin.
Fırını önceden ısıtın ve tepsiyi yağlayın.
Otel çok temizdi, personel de gayet ilgiliydi.
Yemekler biraz pahalıydı ama lezzetliydi.
Kesinlikle tavsiye ederim, tekrar gelmek isterim.
Maalesef siparişim iki hafta gecikti, hiç memnun kalmadım.
Ürün anlatıldığı gibi değil, iade etmek istiyorum.
Kargo hızlı geldi, paketleme de özenliydi.
Bence bu film biraz uzun olmuş ama oyunculuklar harika.
Ne diyorsun sen? Hiç öyle bir şey demedim.
Yok artık, gerçekten mi?
Boş ver, önemli değil.
Neyse, sonra konuşuruz.
Bilmiyorum, belki yarın gelirim.
Acaba saat kaçta başlıyor?
Geldi mi? Evet, az önce geldi.
Gitti. Geri dönmedi.
Oldu, hallederim.
Peki, sen bilirsin.
Aynen öyle, katılıyorum.
Haklısın, özür dilerim.
Çok güzel olmuş, ellerine sağlık.
Bu akşam maç var, izleyecek misin?
Annemler hafta sonu bize gelecek.
Çocuklar okuldan döndü mü?
Dün gece hiç uyuyamadım, başım ağrıyor.
Yarın hava yağmurlu olacakmış, şemsiyeni unutma.
Otobüs yine gecikti, işe geç kaldım.
Toplantı ertelendi, haberin olsun.
Dosyayı ekte gönderiyorum, inceleyip dönüş yapar mısınız?
Bilginize sunarım.
İlginiz için teşekkür ederiz.
Herhangi bir sorunuz olursa lütfen bize yazın.
Şifrenizi mi unuttunuz?
Giriş yap, kayıt ol, çıkış yap.
Sepete ekle. Hemen al. Ücretsiz kargo.
Cevapla. Beğen. Paylaş. Şikâyet et.
Daha önce hiç böyle bir yer görmemiştim.
Küçükken dedemin bahçesinde saatlerce oynardık.
Kapıyı açtığımda karşımda eski bir arkadaşımı buldum.
Bana dönüp "Sana güveniyorum" dedi.
— Nereye gidiyorsun? dedi.
— Eve, dedim.
Sessizce başını salladı.
Ekranı kapatıp pencereye yürüdü.
Bunu neden yaptın?
Hiç fark etmez.
Olur, bakarız.
Vay canına!
Eyvah, anahtarı evde unuttum.
Aman dikkat et, yol kaygan.
Hadi gel, geç kalıyoruz.
Şaka yapıyorsun herhalde.
Harika bir haber bu!
Geçmiş olsun, çabuk iyileş.
Doğum günün kutlu olsun!
Bayramınız kutlu olsun.
İyi ki varsın.
Cihazı kullanmadan önce kullanım kılavuzunu dikkatlice okuyunuz.
Fişi prizden çekmeden temizlik yapmayınız.
Ayarlar menüsünden dil seçeneğini değiştirebilirsiniz.
Kutunun içinden çıkan parçaları kontrol edin.
Vidaları sıkmadan önce rafın düz durduğundan emin olun.
Pili değiştirmek için arka kapağı aşağı doğru kaydırın.
Sanatçı, ilk albümünü on dokuz yaşındayken çıkardı.
İzmir'de doğdu, ilk ve orta öğrenimini burada tamamladı.
Üniversiteyi bitirdikten sonra bir süre köyde öğretmenlik yaptı.
Şarkıcının yeni klibi kısa sürede milyonlarca kez izlendi.
Dizinin yeni sezonu sonbaharda ekranlara gelecek.
Ben de öyle düşünüyorum.
Sana bir şey soracağım.
Şimdi geliyorum, bekle beni.
Çok yorgunum, biraz dinleneceğim.
Kimse bir şey söylemedi.
Her şey yolunda mı?
Bir dakika, hemen bakıyorum.
Yarın görüşmek üzere.
Ne zaman döneceksin?
Bu kitabı sana hediye olarak aldım.
Hava çok sıcak, denize gidelim mi?
Kardeşim üniversiteyi kazandı, çok sevindik.
Sabah kahvemi içmeden kendime gelemiyorum.
Telefonun şarjı bitmiş, o yüzden açamadım.
Akşam yemeğine ne yapsak?
Markete uğrayıp ekmek alır mısın?
Komşumuz taşınıyormuş, çok üzüldüm.
Bu şarkıyı dinleyince hep çocukluğum aklıma gelir.
Sınav sonuçları ne zaman açıklanacak?
Hocam, ödevi yarına kadar teslim edebilir miyim?
Biraz daha sabırlı olmalısın.
O gün hepimiz çok korkmuştuk.
Kedi yine masanın üstüne çıkmış.
'''

EN_CHAT = '''\
Hi, how are you? It's been ages.
I'm fine, thanks. And you?
Yes, I'll be in the office tomorrow morning.
No, I haven't heard back yet.
Okay, call me tonight.
Sure, happy to help.
Thanks a lot, I really appreciate it.
Thank you so much!
Thanks,
Regards,
Best regards,
Kind regards,
Cheers,
Sincerely,
Best wishes,
Yours truly,
Hey guys, gotta go, talk later.
See you soon!
Bye for now.
Good morning! Is breakfast ready?
Good evening and welcome.
Take care of yourself.
Dear Sir or Madam,
Hello everyone, today I want to show you a new recipe.
Ingredients: two cups of flour, one egg, half a cup of milk.
Chop the onions finely and fry them in olive oil until soft.
Add the tomatoes and cook on low heat for ten minutes.
Season with salt and pepper and serve hot.
Enjoy!
A pinch of salt, two cloves of garlic and a tablespoon of butter.
Let the dough rest in the fridge for half an hour.
Preheat the oven and grease the baking tray.
The hotel was very clean and the staff were really friendly.
The food was a bit pricey but tasty.
I would definitely recommend it, can't wait to come back.
Unfortunately my order arrived two weeks late, not happy at all.
The product is not as described, I want a refund.
Shipping was fast and the packaging was great.
I think the movie was too long but the acting was awesome.
What are you talking about? I never said that.
No way, really?
Never mind, it doesn't matter.
Anyway, we'll talk later.
I don't know, maybe I'll come tomorrow.
What time does it start?
Did he come? Yes, he just got here.
He left. He didn't come back.
Got it, I'll take care of it.
Well, it's up to you.
Exactly, I agree.
You're right, I'm sorry.
That looks great, well done.
There's a game tonight, are you going to watch it?
My parents are coming over this weekend.
Are the kids back from school?
I couldn't sleep at all last night, I have a headache.
It's going to rain tomorrow, don't forget your umbrella.
The bus was late again and I was late for work.
The meeting has been postponed, just so you know.
I'm attaching the file, could you take a look and get back to me?
Please let me know if you have any questions.
Thank you for your interest.
Forgot your password?
Sign in, sign up, log out.
Add to cart. Buy now. Free shipping.
Reply. Like. Share. Report.
lol that's so funny
omg I can't believe it
btw I'm still waiting for your email
thx for the link, will check it out
yeah I know, right?
Yep, that's fine with me.
Nope, not yet.
Oh well, whatever.
Wow, that's amazing!
Oops, I forgot my keys at home.
Come on, we're going to be late.
You must be kidding.
Great news!
Get well soon.
Happy birthday!
Congrats on the new job!
Welcome aboard!
Hang in there.
Let me know what you think.
FYI, the office will be closed on Friday.
Please find attached the updated schedule.
Could you please send me the contract by Monday?
I'll forward this to the team.
Sounds good to me.
Talk to you soon.
Read the user manual carefully before using the device.
Unplug the appliance before cleaning it.
You can change the language in the settings menu.
Check the parts that come in the box.
Make sure the shelf is level before you tighten the screws.
Slide the back cover down to replace the battery.
She released her first album when she was nineteen.
He was born in a small town and went to school there.
After college she worked as a teacher for a few years.
The new video got millions of views in a couple of days.
The next season of the show comes out in the fall.
I think so too.
Can I ask you something?
I'm coming, wait for me.
I'm so tired, I need some rest.
Nobody said a word.
Is everything all right?
Just a minute, I'll check.
See you tomorrow then.
When are you coming back?
I bought this book for you.
It's so hot, shall we go to the beach?
My brother got into college, we're so happy.
I can't function before my morning coffee.
My phone died, that's why I didn't pick up.
What should we make for dinner?
Could you stop by the store and grab some bread?
Our neighbours are moving out, I'm really sad.
This song always reminds me of my childhood.
When will the exam results be announced?
Can I hand in the homework tomorrow?
You need to be a little more patient.
We were all really scared that day.
The cat got on the table again.
'''

# Words of conversation and correspondence (greetings, thanks, yes and no,
# closings, interjections): always in the word table, with a log-ratio of
# CHAT_LLR nats, so that a line of one or two of them says its language.
CHAT_TR = '''evet hayır tamam merhaba selam selamlar teşekkür teşekkürler
teşekkürederim sağol sağolun günaydın hoşçakal hoşça görüşürüz görüşmek peki
tabii aynen hadi haydi neyse acaba lütfen saygılarımla sevgiler sevgilerimle
kolay gelsin afiyet eyvah vay canım canına hocam abi abla efendim değil
değildir geldi gitti dedi dedim oldu olur olmaz var yok yoktu vardı bilmiyorum
biliyorum istiyorum geliyorum gidiyorum tabi inşallah maşallah hoş geldiniz
geldin güle iyi akşamlar geceler tebrikler kutlarım başsağlığı geçmiş
hayırlı'''

CHAT_EN = '''yes yeah yep nope thanks thank thx regards cheers hi hello hey
bye goodbye okay ok sure please sorry gotta gonna wanna lol omg btw fyi dear
sincerely wow oops congrats congratulations welcome awesome cool great
thanks yours truly best wishes kind warm morning evening afternoon night
tonight tomorrow yesterday today guys folks stuff really pretty anyway
maybe just got get let know think what where when why how who whatever
email emails emailed'''

# Given names added for the names list; common English, American and
# European first names, as any list of them has.
NAMES_MORE = '''\
# English given names
Stephanie Jessica Ashley Amber Brittany Chelsea Courtney Crystal Danielle Erica Erin Heather Jamie Jenna Kayla Kelsey Kimberly Kristin Lindsay Lindsey Megan Melinda Misty Monique Natasha Paige Rachael Rebekah Samantha Shannon Sheri Tiffany Tricia Whitney Allie Becky Cathy Chloe Debbie Emilia Erika Felicia Gretchen Jillian Jodi Kathryn Kristina Leslie Lydia Mandy Marissa Mindy Nikki Olga Patty Peggy Rosa Sabrina Sara Shelly Sonia Stacey Susie Tammy Tanya Tonya Vicky Virginia Yolanda
Andy Bob Bryce Chuck Clint Cody Dan Danny Darrell Dean Derrick Don Doug Drew Duane Dustin Eddie Ed Floyd Francisco Fred Garrett Gene Glen Gus Hank Jared Jeremiah Jesus Jimmy Joey Johnny Jordan Jose Juan Kirk Kurt Lloyd Manuel Marc Marvin Mickey Miguel Mitch Nate Ned Nick Pete Rick Ricky Rob Roberto Ron Ronnie Russ Sammy Sid Stan Tim Timmy Toby Travis Vic Wade Warren Will Zach Zachary
'''

# More common given names and surnames of each language, written from general
# knowledge for the names' language (issue 13): a line of names only takes
# the language of its names. Nothing here is taken from a corpus.
NAMES_ADDED = '''\
# Turkish given names
Abdülhamit Adalet Ahsen Alperen Aras Asaf Ayfer Ayhan Ayla Aynur Aysu Aysun Azra Bartu Bengisu Bengü Berfin Berkant Berke Beren Beste Buse Cansel Cemre Dilan Dilay Dilber Dudu Dündar Ecrin Edip Elanur Elvan Enver Ergin Ersan Esengül Eslem Eymen Ezel Fahriye Fatoş Feray Ferda Feridun Fevzi Fulya Gökmen Göknur Göktuğ Gülcan Gülden Gülsüm Gülümser Günay Gürbüz Güray Hakkı Havva Hayriye Hazal Hiranur Işıl İclal İlayda İlkin İrfan İzel Kağan Kâzım Kevser Kezban Kıvanç Leman Melda Melisa Meryem Mihriban Miraç Mücahit Mükerrem Mümtaz Münir Müzeyyen Necmettin Nedret Nefise Nesibe Nilgün Nuran Nurşen Nurten Oğulcan Orkun Öykü Pakize Remzi Reyhan Rümeysa Saliha Sare Seher Selen Selda Semiha Serenay Sevilay Seyhan Sıla Simge Sude Sumru Şaban Şengül Şerife Şevval Şükriye Taha Tuana Tuncel Türkan Ülker Vildan Yağız Yaren Zahide Zeliha Zülal Ahmed Aliye Aysima Bünyamin Cevriye Dilşad Ekrem Elçin Erdi Fadıl Feyyaz Gülsen Hülya Hüsniye İlknur İsmet Kübra Mediha Muzaffer Nazife Nevra Nuriye Nurullah Rukiye Sadullah Semra Servet Sevtap Sinan Tülay Tuğçe Ümmühan Vecdi Yeşim Yusuf Zekiye Zübeyir Mert Merve Emre Elif Kerem
# common Turkish surnames
Aydemir Akbulut Aktürk Altıntaş Arıkan Bilgin Canpolat Çakmak Demirci Demirel Dinç Durmaz Ergin Gümüş Gündüz Kaplan Karataş Kartal Kaymaz Kocabaş Koçak Köse Özbek Özcan Özkaya Sağlam Sönmez Taşkın Uysal Yazıcı Aydoğan Kılınç Akyüz Karakaya Karaaslan Karakuş Kahveci Başaran Bektaş Çalışkan Ekinci Erbaş Gürbüz Güngör Kandemir Karagöz Karaman Kılıçarslan Sarıkaya Tosun Akgül Akbaş Akkaya Çetinkaya Öztoprak Yıldız Yıldırım Kurtuluş Şen Soylu Erol Ünlü Yaman Özgür Demirtaş Karakoç Gökmen Duran Özyurt Aydınlı Bozkaya Bayraktar Erdoğdu Turhan Baysal Cömert Atalay Yalın Oral Okur Tuncer Dönmez Sezer Ergün Aslantaş Önal Tatar
# English given names
Abby Ada Adele Agnes Aiden Alana Alec Alexis Allan Allen Alma Alvin Amelia Angelica Angie Annette Antoinette Archie Arnold Ashton Aubrey Bailey Becky Belinda Bella Benny Bernadette Bernice Bertha Bethany Betsy Bianca Billy Blake Bonnie Brad Brandi Brent Brianna Bridget Britney Brooke Bruno Byron Caleb Calvin Camille Candace Candice Carla Carlton Carmen Carrie Carter Casey Cassandra Cecil Celeste Celia Chester Christa Christie Christy Clarence Claude Clayton Colleen Connie Constance Cora Corey Cory Daisy Damian Damon Daphne Darla Darlene Darryl Daryl Deanna Delia Della Desiree Devin Dexter Dolores Dominique Donovan Dora Doreen Dottie Duncan Dwayne Dwight Edgar Edith Edmund Edna Edwin Elijah Ellie Elliott Elsie Elmer Eloise Elyse Emmett Erik Ernest Ernie Esther Ethel Eva Everett Felix Fernando Flora Frances Francis Franklin Freddie Frederick Gabriel Gabrielle Gail Gavin Gayle Genevieve Geoffrey Gerard Gertrude Gilbert Gina Gladys Glenda Glenn Gloria Greg Gwen Hailey Harriet Harvey Hattie Hector Heidi Herbert Herman Horace Hugo Ida Ingrid Irene Irma Isaac Isabel Isabella Isaiah Jackie Jacqueline Jake Jamal Janice Janie Jasmine Jeanette Jeanne Jeannie Jeff Jenny Jerome Jerry Jesse Jill Jim Jimmie Joann Joanne Jody Johnnie Jon Josephine Josh Juanita Judy Julian Juliet Justine Karl Kate Kathy Katie Katrina Kelley Kendra Kent Kerry Kim Kristen Kristi Kristy Lana Larry Laurel Lauren Laurie Leah Leo Leon Leonard Leroy Lester Lewis Lila Lillian Lily Lionel Lois Lola Loretta Lori Lorraine Louis Lucas Lucille Luis Luke Lyle Lynn Mabel Madeline Madison Mae Maggie Malcolm Mamie Marcia Marcus Margie Marian Marilyn Mario Marion Marjorie Marlene Marsha Marty Mathew Mattie Maureen Maurice Maxine Melanie Melvin Meredith Mia Micheal Mike Mildred Millie Milton Minnie Miranda Miriam Molly Mona Monica Morgan Morris Muriel Myrtle Nadine Naomi Natalie Nathaniel Neal Nellie Nelson Nettie Nina Nora Norma Olive Oscar Owen Patsy Patti Pauline Peggy Percy Perry Phil Phillip Phyllis Preston Priscilla Quentin Ramon Randall Randy Reba Regina Reginald Renee Rhonda Ricardo Rita Robbie Roberta Robyn Rodney Roland Rosa Rosemary Ross Roy Rudy Rufus Sabrina Sadie Sally Sam Sara Sean Seth Shane Shawn Sheila Shelby Shelley Sherri Sherry Shirley Sidney Silvia Sonia Sonya Spencer Stacey Stacy Stanley Stella Steve Stewart Susie Suzanne Sylvia Tabitha Tamara Tammy Tanya Tara Ted Teresa Terrence Terri Terry Thelma Theodore Tina Todd Tom Tommy Toni Tracey Traci Tracy Trevor Tyrone Valerie Vanessa Vera Vernon Veronica Vicki Vickie Victor Vince Vincent Viola Virgil Virginia Vivian Wallace Wanda Wayne Wendy Wesley Wilbur Willard Willie Wilma Winston Yolanda Yvonne Zoe Abe Al Alfie Alyssa Amos Andre Andrea Angus Ariel Arlene Ava Barney Beatrice Bernie Bert Betsy Blair Bradford Brendan Brenton Brianne Caitlyn Candy Carlos Carly Cassie Clifton Cliff Coleen Conrad Dwight Elise Ellis Eliza Emmanuel Esmeralda Fanny Frankie Gregg Greta Harlan Hollis Ira Jacquelyn Jarrod Jeanine Jenifer Jocelyn Josie Kristopher Lacey Lorna Lucinda Luther Lynda Lynne Marcy Marla Marlon Maryann Maynard Mervin Mitchell Myra Nolan Norbert Ollie Pamela Rena Rhoda Rosalind Roxanne Sheryl Sterling Sylvester Thaddeus Tonya Trudy Ursula Velma Verna Wilfred Wyatt
'''

# ---------------------------------------------------------------------------
# Training text.

ROFF_SPECIAL = {
    'aq': "'", 'cq': '’', 'oq': '‘', 'lq': '“', 'rq': '”', 'dq': '"',
    'em': '—', 'en': '–', 'hy': '-', 'bu': '•', 'co': '©', 'rg': '®',
    'tm': '™', 'de': '°', 'mu': '×', 'di': '÷', 'ti': '~', 'ha': '^',
    'Fo': '«', 'Fc': '»', 'fo': '‹', 'fc': '›', 'sh': '#', 'rs': '\\',
    'ga': '`', 'ua': '↑', 'da': '↓', 'ra': '→', 'la': '←',
}


def roff_text (src):
    """Plain prose lines of a man page: requests, bold spans (commands and
    options) and no-fill blocks (examples) are dropped."""
    out = []
    skip = None
    nofill = False
    for line in src.splitlines ():
        if skip:
            if line.startswith (skip):
                skip = None
            continue
        if line.startswith ('.ig'):
            skip = '..'
            continue
        if line.startswith (('.nf', '.EX')):
            nofill = True
            continue
        if line.startswith (('.fi', '.EE')):
            nofill = False
            continue
        if nofill:
            continue
        if line.startswith (('.SH', '.SS')):
            line = line[3:].strip ().strip ('"')
        elif line.startswith (('.', "'")):
            continue
        line = re.sub (r'\\".*', '', line)
        line = re.sub (r'\\fB.*?(\\f[RP]|$)', ' ', line)
        line = re.sub (r'\\f(\[[^]]*\]|\(..|.)', '', line)
        line = re.sub (r'\\\((..)', lambda m: ROFF_SPECIAL.get (m.group (1), ' '), line)
        line = re.sub (r'\\\[([^]]*)\]', lambda m: ROFF_SPECIAL.get (m.group (1), ' '), line)
        line = re.sub (r'\\\*(\[[^]]*\]|\(..|.)', ' ', line)
        line = re.sub (r'\\s[-+]?\d', '', line)
        line = line.replace ('\\-', '-').replace ('\\&', '').replace ('\\e', '\\')
        line = re.sub (r'\\[|^0~ c:]', ' ', line)
        line = re.sub (r'\\.', ' ', line)
        out.append (line)
    return out


def read_gz (path):
    with gzip.open (path, 'rb') as f:
        return f.read ().decode ('utf-8', 'replace')


def unique_files (pattern):
    seen = set ()
    for p in sorted (glob.glob (pattern)):
        r = os.path.realpath (p)
        if r in seen or not os.path.isfile (r):
            continue
        seen.add (r)
        yield p


def man_tr ():
    for p in unique_files ('/usr/share/man/tr/man*/*.gz'):
        yield from roff_text (read_gz (p))


def man_en ():
    """The English originals of the pages manpages-tr translates, and the
    overview pages of section 7."""
    names = set ()
    for p in unique_files ('/usr/share/man/tr/man*/*.gz'):
        names.add ((os.path.basename (os.path.dirname (p)), os.path.basename (p)))
    paths = ['/usr/share/man/%s/%s' % n for n in sorted (names)]
    paths += sorted (glob.glob ('/usr/share/man/man7/*.gz'))
    seen = set ()
    for p in paths:
        r = os.path.realpath (p)
        if r in seen or not os.path.isfile (r):
            continue
        seen.add (r)
        yield from roff_text (read_gz (r))


def mo_pairs (path):
    """(msgid, msgstr) of a GNU .mo catalog."""
    with open (path, 'rb') as f:
        data = f.read ()
    magic = struct.unpack ('<I', data[:4])[0]
    end = '<' if magic == 0x950412de else '>'
    _, n, orig, trans = struct.unpack (end + '4I', data[4:20])
    for i in range (n):
        ol, oo = struct.unpack (end + '2I', data[orig + 8 * i:orig + 8 * i + 8])
        tl, to = struct.unpack (end + '2I', data[trans + 8 * i:trans + 8 * i + 8])
        if ol == 0:
            continue
        mid = data[oo:oo + ol].split (b'\0')[0].split (b'\x04')[-1]
        mstr = data[to:to + tl].split (b'\0')[0]
        try:
            yield mid.decode ('utf-8'), mstr.decode ('utf-8')
        except UnicodeDecodeError:
            continue


def catalogs ():
    for p in unique_files ('/usr/share/locale/tr/LC_MESSAGES/*.mo'):
        yield from mo_pairs (p)


def clean_mo (s):
    s = re.sub (r'%(\d+\$)?[-+ #0]*\d*(\.\d+)?(hh|h|ll|l|L|z|j|t)?[a-zA-Z%]', ' ', s)
    s = re.sub (r'%\{[^}]*\}|\$\{[^}]*\}|\{[0-9a-z_]*\}|<[^>]*>', ' ', s)
    s = s.replace ('_', '').replace ('&', '')
    return s.split ('\n')


def licenses ():
    for p in unique_files ('/usr/share/common-licenses/*'):
        with open (p, encoding='utf-8', errors='replace') as f:
            yield from f.read ().splitlines ()


def usable (line):
    """Drops command lines, paths, options and other non-prose from a line;
    None when little prose is left."""
    toks = []
    for t in line.split ():
        if re.search (r'[/\\=_$<>{}\[\]|@]|^-|--|\.\w+\(|::', t):
            continue
        toks.append (t)
    s = ' '.join (toks)
    letters = sum (1 for ch in s if ch.isalpha ())
    if letters < 12 or letters < 0.6 * len (s) or len (toks) < 2:
        return None
    return s


def tr_sources ():
    yield 'prose', PROSE_WEIGHT, TR_PROSE.splitlines ()
    yield 'chat', PROSE_WEIGHT, TR_CHAT.splitlines ()
    yield 'man', 1, man_tr ()
    yield 'mo', 1, (l for _, s in catalogs () for l in clean_mo (s))


def en_sources ():
    yield 'prose', PROSE_WEIGHT, EN_PROSE.splitlines ()
    yield 'chat', PROSE_WEIGHT, EN_CHAT.splitlines ()
    yield 'man', 1, man_en ()
    yield 'mo', 1, (l for m, _ in catalogs () for l in clean_mo (m))
    yield 'licenses', 1, licenses ()


# ---------------------------------------------------------------------------
# Models.

class Trigrams:
    """Character trigram counts of one language, Witten-Bell smoothed."""

    def __init__ (self, lang):
        self.lang = lang
        self.n3 = collections.Counter ()
        self.n2 = collections.Counter ()
        self.n1 = collections.Counter ()

    def add (self, text, weight=1):
        for syms, _ in words (text):
            syms = [fold_sym (s, self.lang) for s in syms]
            for a, b, c in scored_trigrams (syms):
                self.n3[a, b, c] += weight
                self.n2[b, c] += weight
                self.n1[c] += weight

    def finish (self):
        self.c3 = collections.Counter ()
        self.t3 = collections.Counter ()
        for (a, b, c), n in self.n3.items ():
            self.c3[a, b] += n
            self.t3[a, b] += 1
        self.c2 = collections.Counter ()
        self.t2 = collections.Counter ()
        for (b, c), n in self.n2.items ():
            self.c2[b] += n
            self.t2[b] += 1
        self.total = sum (self.n1.values ())
        self.outcomes = [s for s in range (NSYM) if s not in (SYM_DIGIT, SYM_CAP_I)]
        self.cache = {}

    def p1 (self, c):
        # add-one over the outcomes: never zero
        return (self.n1[c] + 1) / (self.total + len (self.outcomes))

    def p2 (self, b, c):
        n, t = self.c2[b], self.t2[b]
        if n == 0:
            return self.p1 (c)
        return (self.n2[b, c] + t * self.p1 (c)) / (n + t)

    def p3 (self, a, b, c):
        key = (a, b, c)
        if key in self.cache:
            return self.cache[key]
        n, t = self.c3[a, b], self.t3[a, b]
        if n == 0:
            p = self.p2 (b, c)
        else:
            p = (self.n3[a, b, c] + t * self.p2 (b, c)) / (n + t)
        self.cache[key] = p
        return p

    def logp (self, a, b, c):
        f = lambda s: fold_sym (s, self.lang)
        return math.log (self.p3 (f (a), f (b), f (c)))


def line_llr (tr, en, text, clamp):
    """Mean per-trigram log-likelihood ratio (tr - en) of a line, and the
    number of trigrams."""
    total, n = 0.0, 0
    for syms, _ in words (text):
        for a, b, c in scored_trigrams (syms):
            d = tr.logp (a, b, c) - en.logp (a, b, c)
            total += max (-clamp, min (clamp, d))
            n += 1
    return (total / n if n else 0.0), n


def collect (sources):
    """[(text, weight)] of usable training lines."""
    out = []
    for name, weight, lines in sources:
        n = 0
        for line in lines:
            s = usable (line)
            if s:
                out.append ((s, weight))
                n += len (s)
        print ('  %-9s %8d chars' % (name, n), file=sys.stderr)
    return out


def train (tr_lines, en_lines):
    tr, en = Trigrams ('tr'), Trigrams ('en')
    for s, w in tr_lines:
        tr.add (s, w)
    for s, w in en_lines:
        en.add (s, w)
    tr.finish ()
    en.finish ()
    return tr, en


def self_clean (tr, en, lines, sign, clamp):
    """Drops the training lines the first model says belong to the other
    language (English examples in Turkish man pages and so on)."""
    kept = []
    dropped = 0
    for s, w in lines:
        m, n = line_llr (tr, en, s, clamp)
        if n >= 8 and sign * m < -0.2:
            dropped += 1
            continue
        kept.append ((s, w))
    return kept, dropped

# ---------------------------------------------------------------------------
# Word lists.

TITLES = '''Dr Prof Doç Doc Assoc Asst Assist Yrd Arş Ars Gör Gor Öğr Ogr Üyesi
Uyesi Uzm Mr Mrs Ms Sir Jr Sr PhD Ph Hon Rev Av'''

# Month and weekday names, time zones, and the AM and PM of a time (12:05 PM):
# with numbers only, they make a date or a time, a line in no language.
DATES = '''Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım
Aralık Oca Şub Nis May Haz Tem Ağu Eyl Eki Kas Ara Pazartesi Salı Çarşamba
Perşembe Cuma Cumartesi Pazar Pzt Sal Çar Per Cum Cmt Paz January February
March April June July August September October November December Jan Feb Mar
Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun GMT UTC
AM PM am pm'''

NEUTRAL = '''doi DOI url URL uri http https www issn ISSN eissn isbn ISBN orcid
ORCID pdf PDF html htm php aspx'''

CONNECT = 've and und et'

# Always in the word table, whatever the training counts say.
FUNCTION_TR = '''ve ile bir bu şu o da de ki mi mı mu mü için gibi kadar göre karşı
sonra önce olan olarak olduğu olduğunu ise ya veya ancak ama fakat hem her ne
değil daha çok en ilk yeni büyük arasında üzerinde tarafından yani çünkü eğer
bile hiç diğer ayrıca özellikle sadece yalnızca böyle şöyle nasıl neden niçin
kendi kendisi onun bunun bunlar onlar olan olmak olması etmek yapılan ilgili
yılında yıl dönemde ülke devlet siyasi ekonomik uluslararası bölge bölgesel
politika politikası ilişkiler ilişkileri savaş barış sorunu çalışma çalışmada
giriş sonuç kaynakça kaynaklar öz özet anahtar kelimeler'''

# Words of affiliations and titles of institutions (Mehmet Akif Ersoy
# Üniversitesi is no name line), always ordinary words.
INSTITUTION_TR = '''üniversite üniversitesi üniversitesinin fakülte fakültesi
bölüm bölümü enstitü enstitüsü merkez merkezi dergi dergisi vakıf vakfı dernek
derneği bakanlık bakanlığı başkanlığı müdürlüğü kurum kurumu kurulu akademi
akademisi yüksekokulu okulu meslek bilim bilimleri bilimler sosyal iktisadi idari
uluslararası ilişkiler ilişkileri siyaset siyasal tarih tarihi edebiyat hukuk
iktisat işletme kamu yönetimi yönetim yayınları yayınevi yayıncılık kitabevi
basımevi matbaası cumhuriyeti devleti hastanesi kütüphanesi arşivi belediyesi
valiliği meclisi araştırma araştırmaları araştırmalar çalışmaları incelemeleri
stratejik türk türkiye azerbaycan dünya dünyası kafkas kafkasya avrasya doğu batı
kuzey güney orta asya avrupa milli ulusal öğretim üyesi görevlisi doktora yüksek
lisans öğrencisi profesör doçent'''

INSTITUTION_EN = '''university faculty department institute school college centre
center journal review press ministry foundation association council committee
studies sciences science affairs republic state national international political
social economic history law program programme fellow senior professor associate
assistant lecturer candidate student researcher library archive archives
office agency bureau commission union organization organisation forum'''

# Name particles: Thomas de Waal, Ludwig van Beethoven, Ibn Khaldun.
PARTICLES = 'de van von der den da di du dos das del della la le bin ibn al el'

FUNCTION_EN = '''the of and to in a an is are was were be been being that this
these those for it its with as on by at from or not but which who whom whose
have has had their there they he she we you his her our them into than more
most also such after before during between about over under would could should
can may will shall do does did one two other all any some each both only very
what when where why how if then so no nor up out new first policy relations war
peace study introduction conclusion references abstract keywords'''


def load_names (text):
    """The given names, the ambiguous ones, and the languages of each name:
    a '# ...' line starts a section, of Turkish names when it says Turkish,
    of English names when it says English, of no language otherwise."""
    given, ambig = set (), set ()
    langs = collections.defaultdict (set)
    lang = None
    for line in text.splitlines ():
        line = line.strip ()
        if not line:
            continue
        if line.startswith ('#'):
            lang = 'tr' if 'Turkish' in line else 'en' if 'English' in line else None
            continue
        if line.startswith ('~'):
            ambig.update (line[1:].split ())
            continue
        given.update (line.split ())
        if lang:
            for w in line.split ():
                langs[w].add (lang)
    return given, ambig, langs


def name_llr (langs):
    """The llr a given name carries in the word table: its language, in the
    smallest step (1/LLR_SCALE nat), so that langid.c can tell a Turkish
    name (+) from an English one (-) and a name of both or neither (0),
    while the name says next to nothing about an ordinary line."""
    if langs == {'tr'}:
        return 1.0 / LLR_SCALE
    if langs == {'en'}:
        return -1.0 / LLR_SCALE
    return 0.0


def word_key (word, lang):
    """Folded symbols of a single word written in @lang, or None."""
    ws = list (words (word))
    if len (ws) != 1:
        return None
    return tuple (fold_sym (s, lang) for s in ws[0][0])


def word_counts (lines, lang):
    total = collections.Counter ()
    lower = collections.Counter ()
    n = 0
    for s, w in lines:
        for syms, ups in words (s):
            if SYM_DIGIT in syms or len (syms) > 24:
                continue
            key = tuple (fold_sym (x, lang) for x in syms)
            total[key] += w
            if not any (ups):
                lower[key] += w
            n += w
    return total, lower, n


def build_words (tr_lines, en_lines, vocab, wclamp):
    ctr, ltr, ntr = word_counts (tr_lines, 'tr')
    cen, len_, nen = word_counts (en_lines, 'en')
    entries = {}   # key -> [llr, flags]

    def llr (k):
        a = math.log ((ctr[k] + 0.5) / (ntr + 0.5 * vocab))
        b = math.log ((cen[k] + 0.5) / (nen + 0.5 * vocab))
        return max (-wclamp, min (wclamp, a - b))

    def entry (k):
        if k not in entries:
            entries[k] = [llr (k), 0]
        return entries[k]

    for counts, lower in ((ctr, ltr), (cen, len_)):
        for k, n in counts.most_common (vocab):
            if n < 3:
                break
            e = entry (k)
            if lower[k] >= 0.5 * n:
                e[1] |= W_COMMON
    for lang, lst in (('tr', FUNCTION_TR), ('en', FUNCTION_EN),
                      ('tr', INSTITUTION_TR), ('en', INSTITUTION_EN)):
        for w in lst.split ():
            entry (word_key (w, lang))[1] |= W_COMMON

    for lang, lst, sign in (('tr', CHAT_TR, 1), ('en', CHAT_EN, -1)):
        for w in lst.split ():
            e = entry (word_key (w, lang))
            e[0] = sign * CHAT_LLR
            e[1] |= W_COMMON

    given, ambig, name_langs = load_names (NAMES + NAMES_MORE + NAMES_ADDED)
    for flag, lst in ((W_TITLE, TITLES), (W_DATE, DATES),
                      (W_NEUTRAL, NEUTRAL), (W_CONNECT, CONNECT),
                      (W_PARTICLE, PARTICLES)):
        for w in lst.split ():
            for lang in ('tr', 'en'):
                entry (word_key (w, lang))[1] |= flag
    for w in given | ambig:
        for lang in ('tr', 'en'):
            k = word_key (w, lang)
            e = entry (k)
            e[1] |= W_GIVEN
            # a name that is also an ordinary lower-case word is no evidence
            if w in ambig or e[1] & W_COMMON:
                e[1] |= W_AMBIG
    auto = sorted (w for w in given - ambig
                   if entries[word_key (w, 'tr')][1] & W_AMBIG
                   or entries[word_key (w, 'en')][1] & W_AMBIG)
    print ('names that are also common words:', ' '.join (auto), file=sys.stderr)
    # names and link words say nothing about the language of the line; a
    # name keeps the language of its list (name_llr) for lines of names only
    key_langs = collections.defaultdict (set)
    for w in given - ambig:
        for lang in ('tr', 'en'):
            key_langs[word_key (w, lang)] |= name_langs[w]
    for k, e in entries.items ():
        if e[1] & W_NEUTRAL:
            e[0] = 0.0
        elif e[1] & W_GIVEN and not e[1] & W_AMBIG:
            e[0] = name_llr (key_langs[k])
    # drop what carries neither weight nor flags
    return {k: e for k, e in entries.items () if e[1] or abs (e[0]) >= 0.25}


def slot_of (h, bits):
    return ((h * 0x9E3779B1) & 0xFFFFFFFF) >> (32 - bits)


def tag_of (h):
    return (h >> 16) or 1


WORD_WINDOW = 8


def hash_table (entries, bits):
    """Open addressing with linear probing, a word at most WORD_WINDOW - 1
    slots after its home slot; a slot keeps a 16-bit tag of the hash, not
    the word, and langid.c takes the first slot of the window with the tag.
    A word that does not fit, or whose tag is already in its window, is left
    out (the weakest first)."""
    n = (1 << bits) + WORD_WINDOW - 1   # no wrapping around
    slots = [None] * n
    if len (entries) * 10 > 7 * (1 << bits):
        raise SystemExit ('the word table is too full: raise WORD_BITS')
    placed = {}
    left = 0
    # most evidence first, so that a word left out is a weak one
    for k, (llr, flags) in sorted (entries.items (),
                                   key=lambda kv: (0 if kv[1][1] & ~W_COMMON else 1 if kv[1][1] else 2,
                                                  -abs (kv[1][0]), kv[0])):
        h = fnv1a (k)
        home, tag = slot_of (h, bits), tag_of (h)
        window = range (home, home + WORD_WINDOW)
        if any (slots[i] is not None and slots[i][0] == tag for i in window):
            left += 1
            continue
        free = [i for i in window if slots[i] is None]
        if not free:
            left += 1
            continue
        q = int (round (llr * LLR_SCALE))
        slots[free[0]] = (tag, max (-127, min (127, q)), flags)
        placed[k] = free[0]
    # the first slot of a word's window with its tag must be its own
    for k, want in placed.items ():
        h = fnv1a (k)
        home, tag = slot_of (h, bits), tag_of (h)
        first = next (i for i in range (home, home + WORD_WINDOW)
                      if slots[i] is not None and slots[i][0] == tag)
        if first != want:
            raise SystemExit ('word table: ambiguous tag for %r' % (k,))
    print ('word table: %d words, %d left out' % (len (placed), left), file=sys.stderr)
    return slots


W_COMMON, W_GIVEN, W_AMBIG, W_TITLE, W_DATE, W_NEUTRAL, W_CONNECT, W_PARTICLE = (1 << i for i in range (8))
COST_SCALE = 16
LLR_SCALE = 16
WORD_BITS = 14
PROSE_WEIGHT = 20
CHAT_LLR = 4.0


# Character classes packed as in langid-model.h.
K_SPACE, K_PUNCT, K_LETTER, K_DIGIT, K_APOS, K_FOREIGN, K_IGNORE = range (7)
CL_UPPER = 0x200


def latin_classes ():
    """The packed class of U+0080..U+017F (Latin-1 and Latin Extended-A,
    where every Turkish letter is)."""
    out = []
    for cp in range (0x80, 0x180):
        kind, sym, up = classify (chr (cp))
        k = {'S': K_SPACE, 'P': K_PUNCT, 'L': K_LETTER, 'D': K_DIGIT,
             'A': K_APOS, 'F': K_FOREIGN, 'Z': K_IGNORE}[kind]
        if kind == 'L':
            out.append (k | (sym << 3) | (CL_UPPER if up else 0))
        else:
            out.append (k)
    return out


def trigram_costs (tr, en, clamp):
    """The trigram cost table: Turkish and English cost of every (a, b, c)."""
    row = []
    cap = 255
    for a in range (NSYM):
        for b in range (NSYM):
            for c in range (NSYM):
                # never scored: a digit, or a context that cannot occur
                if c == SYM_DIGIT or (b == SYM_BOUND and a != SYM_BOUND):
                    row += [0, 0]
                    continue
                ct = -tr.logp (a, b, c) * COST_SCALE
                ce = -en.logp (a, b, c) * COST_SCALE
                lim = clamp * COST_SCALE
                if ce - ct > lim:
                    ce = ct + lim
                elif ct - ce > lim:
                    ct = ce + lim
                row += [min (cap, int (round (ct))), min (cap, int (round (ce)))]
    return row


def read_model (path):
    """The tables and training note of a langid-model.c this script wrote:
    with --from-model, the file is written again from them, so that a change
    of layout needs no training data and leaves the numbers as they are."""
    with open (path, encoding='utf-8') as f:
        text = f.read ()

    def body (name):
        m = re.search (r'\b%s\[[^]]*\] = \{\n(.*?)\n\};' % name, text, re.S)
        if not m:
            raise SystemExit ('%s: no table %s' % (path, name))
        return m.group (1)

    info = re.search (r' \* langid\.c\. (.*?) \*/', text, re.S).group (1)
    row = [int (x) for x in re.findall (r'\d+', body ('dl_langid_trigram_cost'))]
    cls = [int (x, 16) for x in re.findall (r'0x[0-9a-f]+', body ('dl_langid_latin_class'))]
    slots = [None if m.group (1) is None else
             (int (m.group (1), 16), int (m.group (2)), int (m.group (3)))
             for m in re.finditer (r'\{(?:0|(0x[0-9a-f]+),(-?\d+),(\d+))\}',
                                   body ('dl_langid_words'))]
    return row, cls, slots, info


def emit (path, row, cls, slots, info):
    out = []
    out.append ('/* langid-model.c — GENERATED by data/langid/train-langid.py: do not edit.\n'
                ' * Character trigram costs (-ln p x %d, tr/en) and the word table of\n'
                ' * langid.c. %s */\n' % (COST_SCALE, info))
    out.append ('#include "config.h"\n\n'
                '/* The tables are defined without lengths, so that the compiler counts\n'
                ' * their initializers: see DL_LANGID_MODEL_LENGTH. */\n'
                '#define DL_LANGID_MODEL_UNSIZED 1\n'
                '#include "langid-model.h"\n')
    out.append ('/* What the tables were written for: langid-model.h must say the same. */\n'
                '#define DL_LANGID_MODEL_TRIGRAM_COSTS %d\n'
                '#define DL_LANGID_MODEL_LATIN_CLASSES %d\n'
                '#define DL_LANGID_MODEL_WORD_SLOTS %d\n'
                'G_STATIC_ASSERT (DL_LANGID_MODEL_TRIGRAM_COSTS == DL_LANGID_TRIGRAM_COSTS);\n'
                'G_STATIC_ASSERT (DL_LANGID_MODEL_LATIN_CLASSES == DL_LANGID_LATIN_CLASSES);\n'
                'G_STATIC_ASSERT (DL_LANGID_MODEL_WORD_SLOTS == DL_LANGID_WORD_SLOTS);\n'
                'G_STATIC_ASSERT (DL_LANGID_NSYM == %d);\n'
                'G_STATIC_ASSERT (DL_LANGID_COST_SCALE == %d && DL_LANGID_LLR_SCALE == %d);\n'
                'G_STATIC_ASSERT (DL_LANGID_WORD_BITS == %d && DL_LANGID_WORD_WINDOW == %d);\n'
                % (len (row), len (cls), len (slots), NSYM, COST_SCALE, LLR_SCALE,
                   WORD_BITS, WORD_WINDOW))
    out.append ('const guint8 dl_langid_trigram_cost[] = {')
    lines = []
    for i in range (0, len (row), 24):
        lines.append ('  ' + ','.join ('%d' % x for x in row[i:i + 24]) + ',')
    out.append ('\n'.join (lines))
    out.append ('};\n'
                'G_STATIC_ASSERT (G_N_ELEMENTS (dl_langid_trigram_cost)'
                ' == DL_LANGID_MODEL_TRIGRAM_COSTS);\n')
    out.append ('const guint16 dl_langid_latin_class[] = {')
    out.append ('\n'.join ('  ' + ' '.join ('0x%03x,' % c for c in cls[i:i + 10])
                           for i in range (0, len (cls), 10)))
    out.append ('};\n'
                'G_STATIC_ASSERT (G_N_ELEMENTS (dl_langid_latin_class)'
                ' == DL_LANGID_MODEL_LATIN_CLASSES);\n')
    out.append ('const DlLangidWord dl_langid_words[] = {')
    lines = []
    cur = []
    for s in slots:
        cur.append ('{0}' if s is None else '{0x%04x,%d,%d}' % s)
        if len (cur) == 8:
            lines.append ('  ' + ','.join (cur) + ',')
            cur = []
    if cur:
        lines.append ('  ' + ','.join (cur) + ',')
    out.append ('\n'.join (lines))
    out.append ('};\n'
                'G_STATIC_ASSERT (G_N_ELEMENTS (dl_langid_words) == DL_LANGID_MODEL_WORD_SLOTS);\n')
    with open (path, 'w', encoding='utf-8') as f:
        f.write ('\n'.join (out))


def main ():
    here = os.path.dirname (os.path.abspath (__file__))
    ap = argparse.ArgumentParser (description=__doc__)
    ap.add_argument ('-o', '--output',
                     default=os.path.join (here, '..', '..', 'src', 'lib', 'langid-model.c'))
    ap.add_argument ('--clamp', type=float, default=CLAMP,
                     help='largest trigram log-ratio, in nats')
    ap.add_argument ('--word-clamp', type=float, default=WORD_CLAMP,
                     help='largest word log-ratio, in nats')
    ap.add_argument ('--vocab', type=int, default=VOCAB,
                     help='most frequent words of each language kept')
    ap.add_argument ('--from-model', metavar='FILE',
                     help='no training: write the tables of FILE, a langid-model.c, again')
    args = ap.parse_args ()

    if args.from_model:
        row, cls, slots, info = read_model (args.from_model)
        emit (args.output, row, cls, slots, info)
        return

    print ('Turkish:', file=sys.stderr)
    tr_lines = collect (tr_sources ())
    print ('English:', file=sys.stderr)
    en_lines = collect (en_sources ())
    tr, en = train (tr_lines, en_lines)
    tr_lines, dt = self_clean (tr, en, tr_lines, +1, args.clamp)
    en_lines, de = self_clean (tr, en, en_lines, -1, args.clamp)
    print ('self-cleaning dropped %d Turkish and %d English lines' % (dt, de),
           file=sys.stderr)
    tr, en = train (tr_lines, en_lines)
    entries = build_words (tr_lines, en_lines, args.vocab, args.word_clamp)
    slots = hash_table (entries, WORD_BITS)
    print ('%d trigrams tr, %d en; %d words in %d slots'
           % (len (tr.n3), len (en.n3), len (entries), len (slots)), file=sys.stderr)
    info = ('Trained on %d Turkish and %d English trigram tokens; clamp %.1f,\n'
            ' * word clamp %.1f, vocabulary %d per language.'
            % (tr.total, en.total, args.clamp, args.word_clamp, args.vocab))
    emit (args.output, trigram_costs (tr, en, args.clamp), latin_classes (), slots, info)


CLAMP = 4.0
WORD_CLAMP = 3.0
VOCAB = 4000

if __name__ == '__main__':
    main ()
