"""What an entry and a list look like, read from their content rather than their markup.

A title has letters and is a name: not a number, score, percentage, price, vote count, date, byline or
sentence. A film list's entries link to film pages (IMDb, Letterboxd, Rotten Tomatoes, Wikipedia,
Metacritic, Box Office Mojo) or carry years. A page is about films when its titles and address say so,
and about something else when they name another medium (games, albums, books, outfits) and no film word,
or promise notes on one work ("10 facts about Jaws").
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from ..dates import only_a_date
from ..page import TITLE_PARTS

# Numbers of every kind, with the words around them that make them a measure, not a name.
_NUMERIC = re.compile(
    r"^[\s#№(]*[-+]?[$€£¥]?\s?\d[\d\s.,:/'’]*\s*(?:%|[kmb]|mins?|minutes|votes?|ratings?|reviews?|stars?|/\s?\d+)?[\s)]*$",
    re.I,
)
# "Adjusted Score: 102358%", "Rating: 8.5", "Rating: 2 out of 5": a label and its value.
_LABELLED_NUMBER = re.compile(
    r"^[\w\s]{1,30}:\s*[-+]?[$€£]?\d[\d.,]*\s*%?(?:\s*(?:/|out of|of|von|sur|de)\s*\d+)?$", re.I
)
_DATE = re.compile(
    r"^\d{4}-\d\d-\d\d"
    # a showtime: "6:00 PM", "9 a.m.", "20h30"
    r"|^\d{1,2}(?:[:.h]\d\d)?\s*[ap]\.?\s?m\.?$|^\d{1,2}h\d\d$",
    re.I,
)
# "Cineworld London - Chelsea (2.13 miles)": a place as a locator lists it, with how far it is.
_DISTANCE = re.compile(r"\(\s*\d+(?:[.,]\d+)?\s*(?:mi|miles?|km|kilomet(?:er|re)s?)\s*(?:away)?\)$", re.I)
# A wiki's footnote call after a name or a column's name: "[12]", "[a]", "[note 3]".
FOOTNOTE_CALL = r"\[(?:[a-z]|\d{1,3}|note \d{1,3}|nb \d{1,3})\]"
_BYLINE = re.compile(r"^(?:by|von|par|por)\s+[A-Z]", re.I)
LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_MAX_WORDS = 14
_SENTENCE_WORDS = 8  # a list's median name this long is a list of sentences
_QUOTED_WORK = re.compile(r"《[^《》]+》")
_MAX_AROUND_QUOTED = 3  # "电影《英雄》": a word or two around the marks still name the work
# Film and TV pages of the film databases lists link to: a link to one names a film or show. Their addresses
# anywhere in a link, and the site-relative paths of their pages:
_FILM_SITES = (
    r"/title/tt\d{7,10}|letterboxd\.com/film/|rottentomatoes\.com/(?:m|tv)/|metacritic\.com/(?:movie|tv)/"
    r"|boxofficemojo\.com/(?:release|releasegroup|title)/|themoviedb\.org/(?:movie|tv)/|allocine\.fr/film/"
    r"|kinopoisk\.ru/(?:film|series)/|movie\.douban\.com/subject/|filmaffinity\.com/\w+/film\d|csfd\.cz/film/"
    # the streaming services' and TV databases' title pages ("what to watch on Netflix" links every entry there)
    r"|netflix\.com/(?:[a-z-]+/)?title/\d|primevideo\.com/(?:[\w-]+/)?detail/|tv\.apple\.com/\w+/(?:movie|show)/"
    r"|hulu\.com/(?:movie|series)/|(?<![\w-])(?:hbo)?max\.com/(?:\w+/)?(?:movies|shows)/"
    r"|disneyplus\.com/(?:movies|series)/|justwatch\.com/\w+/(?:movie|tv-show|film|serie)\w*/|trakt\.tv/(?:movies|shows)/"
    r"|tvmaze\.com/shows/\d|thetvdb\.com/series/|myanimelist\.net/anime/\d|anidb\.net/(?:anime/|a)\d"
    r"|mubi\.com/(?:\w+/)?films/|bilibili\.com/bangumi/media/md\d"
    # IMDb's title pages as it addressed them until about 2003 ("us.imdb.com/Title?0118655", "/M/title-exact?…")
    r"|imdb\.com/(?:title\?|m/title-(?:exact|substring)\?)"
    # Letterboxd's short address, which its "share" gives for a film or a diary's entry of one
    r"|(?<![\w.-])boxd\.it/\w"
    # Apple's trailers site (2000-2022) gave each film a page of its trailers, by studio: "/trailers/fox/heat/" (not
    # its indexes: "/trailers/genres/comedy/")
    r"|apple\.com/trailers/(?!genres/|home/|search/)[\w-]+/[\w-]+"
    # a site's own film page, named by the film's id in its address ("Nominations?filmId=3908", "?movieId=42",
    # "WhatsOn?Film=23008918", "movie.aspx?id=1002765", "films.php?id=61204")
    r"|[?&](?:film|movie|anime)(?:_?id)?=\d|(?:^|/)(?:films?|movies?|anime)\.\w{2,5}\?id=\d"
)
_FILM_PATHS = r"^/film/[^/]+/?$|^/(?:m|tv)/[\w-]+|^/(?:release|releasegroup|title)/(?:rl|gr|tt)\d"
# or a film or series word as a folder of its address, a name after it
# ("/pelicula/3889/sin-piedad", "/lodz/kino-helios/filmy/david-4458", "/filmes/filme.php?cf=10685",
# "/series/drama/60378-magarsus-2023.html", Filmweb's "/serial/…"); not a number
# alone ("/movie/171842/"): measured, it lifted the development sites and gave the validation sites two partly wrong
# lists (entries right among lists at confidence >= 0.8: 0.954 -> 0.935)
_FILM_FOLDER = (
    r"^(?:https?://[^/?#]+)?/?(?:[^/?#]+/){0,3}"
    r"(?:films?|filmes?|filmy|movies?|pel[ií]culas?|series|serials?|serialy|seriale)/(?:\d+/)?[^/?#]*[^\W\d_]"
)
# what a folder of _FILM_FOLDER's holds, in an ASCII address
_FOLDER_WORDS = ("film", "movie", "pelicula", "serial", "serie")
_FILM_DATABASES = f"{_FILM_SITES}|{_FILM_PATHS}|{_FILM_FOLDER}"
_FILM_PAGE_LINK = re.compile(_FILM_DATABASES, re.I)
# Those, or a Wikipedia article (not "Category:…" nor a footnote): a film's in a list of films, but an
# encyclopedia links every person, country and year the same way.
_WIKI_ARTICLE = r"(?:wikipedia\.org|^)/wiki/(?![^/#]*:[^_])[^#?]+$"
_FILM_LINK = re.compile(f"{_FILM_DATABASES}|{_WIKI_ARTICLE}", re.I)
# The same patterns, for an ASCII address in lower case (where ignoring case changes nothing else), apart.
_LOWER_SITES = re.compile(_FILM_SITES)
_LOWER_PATHS = re.compile(_FILM_PATHS)
_LOWER_FOLDER = re.compile(_FILM_FOLDER)
_LOWER_WIKI = re.compile(_WIKI_ARTICLE)
# A page's own address that is a film database's page of one film (the sites' forms only: a "/movies/" folder holds
# listicles too).
_ONE_FILM_ADDRESS = re.compile(_FILM_SITES, re.I)


def film_url(href: str, wiki: bool = True) -> bool:
    """Whether ``href`` is a film or show page's address: ``_FILM_LINK.search(href)`` (``_FILM_PAGE_LINK``'s
    without ``wiki``). An ASCII address is read in lower case, each pattern apart, the film-folder one only
    where a film word is (the one regex tries its fifteen patterns at every position: about 7 µs a link, and a
    page holds thousands)."""
    if not href.isascii():
        return (_FILM_LINK if wiki else _FILM_PAGE_LINK).search(href) is not None
    low = href.lower()
    return (
        _LOWER_PATHS.match(low) is not None
        or _LOWER_SITES.search(low) is not None
        or (any(word in low for word in _FOLDER_WORDS) and _LOWER_FOLDER.match(low) is not None)
        or (wiki and "/wiki/" in low and _LOWER_WIKI.search(low) is not None)
    )


# Film genres as film databases print them on a film's facts line ("2019, драма, криминал", "Drama | Crime", "剧情 /
# 犯罪"), in the languages of the sites read: IMDb's, Kinopoisk's, Douban's, and their common forms elsewhere.
_FILM_GENRES = frozenset(
    {
    "action", "adventure", "animation", "animated", "biography", "biopic", "comedy", "crime", "documentary", "drama",
    "family", "fantasy", "history", "horror", "music", "musical", "mystery", "romance", "short", "sport", "thriller",
    "war", "western", "anime", "noir",
    "боевик", "приключения", "мультфильм", "биография", "комедия", "криминал", "документальный", "драма", "семейный",
    "фэнтези", "история", "ужасы", "мюзикл", "детектив", "мелодрама", "фантастика", "триллер", "военный", "вестерн",
    "аниме",
    "komödie", "krimi", "dokumentarfilm", "abenteuer", "liebesfilm", "kriegsfilm", "zeichentrickfilm", "comédie",
    "drame", "policier", "horreur", "documentaire", "aventure", "fantastique", "guerre",
    "comedia", "acción", "terror", "documental", "animación", "aventura", "fantasía", "suspense", "bélica",
    "comédia", "ação", "documentário", "animação", "fantasia", "commedia", "azione", "orrore", "documentario",
    "animazione", "avventura",
    "剧情", "喜剧", "动作", "爱情", "科幻", "动画", "悬疑", "惊悚", "恐怖", "犯罪", "传记", "历史", "战争", "西部", "奇幻", "冒险", "灾难", "武侠",
    "纪录片", "家庭", "歌舞",
    "ドラマ", "コメディ", "アクション", "ホラー", "アニメ", "ドキュメンタリー", "サスペンス", "드라마", "코미디", "액션", "공포", "스릴러", "애니메이션", "다큐멘터리",
    "로맨스", "범죄",
    "sci-fi", "science fiction", "science-fiction", "film noir", "film-noir", "ciencia ficción", "ficção científica",
    }
)  # fmt: skip


def film_genre(text: str) -> bool:
    """Whether ``text`` is a film genre's name alone ("Thriller", "драма", "剧情")."""
    return text.casefold() in _FILM_GENRES


# Posters served by film databases' image hosts: a picture from one stands for a film or show, as a link to its page
# would (a blog's table of TMDB posters and bold names). Not IMDb's or TVmaze's hosts: their people's photos share
# the posters' paths.
_POSTER_HOST = re.compile(
    r"//(?:image\.tmdb\.org/t/p/|[\w.]*ltrbx\.com/resized/(?:film-poster|sm/upload)/|img\d*\.doubanio\.com/view/photo/"
    r"|st\.kp\.yandex\.net/images/film)",
    re.I,
)


def film_poster(attributes: dict[str, str | None]) -> bool:
    """Whether a picture's address (``src``, or where a lazy loader keeps it) is a film database's poster."""
    return any(
        _POSTER_HOST.search(value)
        for name in ("src", "data-src", "srcset", "data-srcset")
        if (value := attributes.get(name))
    )


_FILM_WORDS = re.compile(
    r"\b(?:film\w*|movies?|cinema|cine|tv|television|series|shows?|sitcoms?|documentar(?:y|ies)|anime|horror"
    r"|comed(?:y|ies)|thrillers?|westerns?|blockbusters?|box office|episodes?|streaming|netflix|hulu|hbo"
    r"|prime video|what to watch|superhero(?:es)?|oscars?|best picture|emmys?|golden globes?|baftas?|directors?|actors?"
    r"|actresses|(?:k[- ]?)?dramas?|drakor|telenovelas?|kino|serien?|sendung(?:en)?|schauspieler\w*|pel[ií]culas?|cin[ée]mas?|cin[ée]"
    r"|s[ée]ries?|cortometrajes?|screenings?|watchlists?|seri[áa]l(?:y|u|ů|e|i|ów|em)?(?<!\bserial)|dizi(?:ler|leri|si)?"
    r"|фильм\w*|кино\w*|сериал\w*|тв|телевиз\w*|телевид\w*|телебач\w*|телепрограм\w*"
    r"|(?:ال)?(?:أفلام|فيلم|مسلسلات?|سينما|أنمي)|فیلم\w*|سریال\w*|سینما|phim)\b"  # Arabic, Persian, Vietnamese
    # Hindi and Thai: their vowel signs are no word characters, so no word boundary holds after them
    r"|फ(?:\u093c)?िल्म|\u095eिल्म|सिनेमा|ภาพยนตร์|ซีรีส์"
    r"|\bdisney(?:\+|\s+plus\b)|电影|電影|影片|电视剧|電視劇|剧集|观影|觀影|影评|影評|片单|片單|番剧|番劇|追番|新番|追剧|追劇|映画|邦画|洋画|ドラマ|アニメ|영화|드라마",
    re.I,
)
# Films or shows in the plural, in the languages whose plural no singular shares ("filme" is a Portuguese film, and
# German "Filme" its plural): English, Spanish, Portuguese, Polish and Czech, Russian, Arabic, Persian, Hindi, Chinese.
_FILMS_PLURAL = re.compile(
    r"\b(?:movies|films|documentaries|tv shows|tv series|sitcoms|dramas|cartoons|pel[íi]culas|filmes|filmy|film[óo]w"
    r"|фильм(?:ы|ов|ам|ами|ах)|сериал(?:ы|ов|ам|ами|ах)|фільм(?:и|ів|ам|ами|ах)|серіал(?:и|ів|ам|ами|ах)"
    r"|documentales|document[áa]rios|séries|seriály|seriale|seriali|serialów|diziler|(?:ال)?(?:أفلام|مسلسلات)|فیلم(?:\u200c)?های?|سریال(?:\u200c)?های?)\b"
    r"|फ(?:\u093c)?िल्में|\u095eिल्में"
    # Chinese: "those", "these" before the noun, or "们" after it
    r"|(?:那些|这些|這些)(?:电影|電影|电视剧|電視劇|影片|剧|劇|动画|動畫|番)|(?:电影|電影|电视剧|電視劇|影片)[们們]",
    re.I,
)
# What sites call a search's results, in a page's titles (see search_results)
_SEARCH_RESULTS = re.compile(
    r"\bsearch results?\b|\bresults for\b|suchergebnisse|résultats de (?:la )?recherche|resultados de (?:la )?b[úu]squeda"
    r"|risultati (?:della )?ricerca|wyniki wyszukiwania|výsledky vyhledávání|keresési találatok|результаты поиска"
    r"|検索結果|搜索结果|검색 ?결과",
    re.I,
)
# What cinemas and festivals call the films they show, in the page's title or address.
_PROGRAMME = re.compile(
    r"\b(?:cartelera|cartaz|repertuar\w*|r[ée]pertoire|spielplan|kinoprogramm|programm?e?|showtimes|now[ -]showing"
    r"|coming[ -]soon|upcoming|pr[óo]ximos[ _-]lan[çc]amentos|estrenos|estreias|s[ée]ances|horaires"
    # and what TV guides call a channel's day
    r"|schedules?|tv[ -]guide|listings|epg|fernsehprogramm|palinsesto|programaci[óo]n|програм\w*|программ\w*)\b",
    re.I,
)
# "Shows" as news headlines use the verb: "Tourism is L.A.'s No. 1 job generator, report shows", "Video shows …"
_SHOWS_AS_VERB = re.compile(
    r"\b(?:reports?|study|studies|surveys?|polls?|data|research|analysis|photos?|videos?|footage|charts?|maps?"
    r"|images?|graphs?|evidence|tests?|records?|figures|documents?|filings?|memos?|emails?|letters?|scans?)\s+shows\b",
    re.I,
)
# Film words that podcasts, radio and games use as well ("Top Shows You Should Listen To", "500 Episodes"), and a
# video site's domain (".tv").
_SHARED_WORDS = re.compile(r"\b(?:tv|shows?|series|episodes?|streaming)\b", re.I)
_TV_WORKS = re.compile(r"\b(?:tv|television)[ -](?:shows?|series|dramas?|programmes?|programs?)\b", re.I)
# Lists of other things that compete with films for a reader's evening: not a film list. In the languages
# the film words are written in (the medium as the page names it is the reason given).
_OTHER_MEDIA = re.compile(
    r"\b(?:(?:video\s?)?gam(?:e|er)s?|albums?|songs?|tracks?|books?|novels?|podcasts?|outfits?|comics?"
    r"|manga|manhwa|webtoons?|vinyls?|lps|mixtapes?|playstation|ps[2-5]|xbox|nintendo|(?:music )?festivals|concerts"
    r"|konzerte|festivales|conciertos"
    r"|spiele|alben|lieder|bücher|romane|jeux|chansons|livres|romans|bandes dessinées|juegos|canciones|libros"
    r"|novelas|cómics|historietas|giochi|canzoni|libri|romanzi|fumetti|jogos|músicas|livros|quadrinhos|игр[аы]?"
    r"|альбом\w*|пес[ен]\w*|книг\w*|роман\w*|комикс\w*|манг[аи])\b"
    r"|游戏|遊戲|歌曲|专辑|專輯|音乐|書籍|图书|漫画|漫畫|ゲーム|アルバム|楽曲|게임|앨범|노래|음악|만화|웹툰",
    re.I,
)
# The pages other media's works have on the sites that catalogue them, by the medium: entries linking these are books,
# albums or games, whatever years they print ("Rainbow Mars (1999)" linking its Goodreads page).
_OTHER_MEDIUM_LINKS = (
    (
        "books",
        re.compile(
            r"goodreads\.com/(?:\w+/)?book/show/|openlibrary\.org/(?:works|books)/|librarything\.com/work/"
            r"|books\.google\.[a-z.]+/books|bookshop\.org/(?:p/)?books?/|isbndb\.com/book/",
            re.I,
        ),
    ),
    (
        "albums",
        re.compile(
            r"discogs\.com/(?:[\w-]+/)?(?:release|master)/|musicbrainz\.org/(?:release|release-group|recording)/"
            r"|open\.spotify\.com/(?:album|track)/|music\.apple\.com/.+/album/|\.bandcamp\.com/(?:album|track)/"
            r"|allmusic\.com/album/|rateyourmusic\.com/release/",
            re.I,
        ),
    ),
    (
        "games",
        re.compile(
            r"store\.steampowered\.com/app/|igdb\.com/games/|boardgamegeek\.com/boardgame/|mobygames\.com/game/"
            r"|metacritic\.com/game/|gog\.com/(?:\w+/)?game/",
            re.I,
        ),
    ),
)
# What a buying guide ranks, where "TV" and "streaming" are no film words: "Best live TV streaming service",
# "The best TVs of 2025", "Best streaming devices" (a list of services, sets or gadgets, not of films).
_PRODUCTS = re.compile(
    r"\b(?:best|top)\b(?:\s+[\w+&.-]+){0,5}?\s+(?P<product>services?|apps?|devices?|sticks?|players?|antennas?"
    r"|subscriptions?|vpns?|tvs|televisions|soundbars?|projectors?|headphones|earbuds|speakers?|deals|plans"
    r"|routers?|laptops?|phones?|tablets?|cameras?|consoles?)\b",
    re.I,
)
# The words a site heads its rails with, in the languages of the labelled pages.
_RAIL = re.compile(
    r"(?:related\b|you (?:may|might) (?:also )?(?:like|enjoy)|recommended for you|more like this|more from\b|read next\b"
    r"|elsewhere on\b|ähnliche|das könnte (?:dich|sie) auch interessieren|vous aimerez aussi|à lire aussi"
    r"|te puede interesar|también te puede|похожие|вам также может)",
    re.I,
)
# A comment thread's heading: its count of comments ("129 Comments", "Kommentare (5)"), blogs' "12 Responses to “…”"
# and "3 thoughts on “…”", or the thread's bare name.
_COMMENTS = re.compile(
    r"(?:^|\W)\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|комментари\w*)\b"
    r"|(?:^|\W)\d+\s+(?:responses?|replies|thoughts?|réponses?|respuestas?)\s+(?:to|on|à|a)\s+\W"
    r"|^(?:reader\s+|user\s+)?(?:comments?|kommentare|commentaires|comentarios|commenti|комментарии)\s*(?:\(\d+\))?\s*:?$"
    r"|^leave\s+a\s+(?:reply|comment)\b",
    re.I,
)
INDEX_LETTER = re.compile(r"[^\W\d_]|#|0-9", re.I)  # an A-Z index's letter: "a", "Ж", "#", "0-9"
# What a news site heads its rail of its most read pages with, naming nothing it ranks ("Most Popular", "What's
# Popular", "More Most Popular", "Trending Now", "Meistgelesen").
_BARE_RAIL = re.compile(
    r"(?:more\s+)?(?:most\s+(?:popular|read|viewed|e-?mailed|shared|commented|watched)|what[’']?s\s+(?:popular|hot|trending)"
    r"|trending(?:\s+now)?|top\s+stories|popular\s+now|meistgelesen|meistgeklickt|am\s+meisten\s+gelesen"
    r"|les\s+plus\s+lus|lo\s+más\s+leído|más\s+leíd[oa]s|i\s+più\s+letti|самое\s+(?:читаемое|популярное))"
    r"(?:\s+(?:stories|articles|news|posts|today|this\s+week|right\s+now))?\s*:?",
    re.I,
)
# "7 observations about the first Matrix", "10 facts you didn't know about Jaws": numbered notes on one
# work, whose headings read as names but are no list of films.
_NOTES_ON_ONE = re.compile(
    r"\b(?:facts?|trivia|observations?|secrets?|details?|mistakes?|goofs?|easter eggs?|curiosities|anecdotes?"
    r"|theories|lessons?|quotes?|things you (?:didn't|did not|don't|do not|never) know)"
    r"(?:\s+\w+){0,4}\s+(?:about|from|behind|in|of)\b"
    r"|\b(?:fakten|details|geheimnisse|dinge)\s+(?:\w+\s+){0,3}(?:über|zu|aus)\b"
    r"|\b(?:anecdotes|secrets|détails|choses)\s+(?:\w+\s+){0,3}(?:sur|de)\b"
    r"|\b(?:curiosidades|secretos|datos|cosas)\s+(?:\w+\s+){0,3}(?:sobre|de)\b"
    r"|\b(?:факт\w*|наблюдени\w*|секрет\w*|детал\w*|ошиб\w*)\s+(?:\w+\s+){0,3}(?:о|об|про|из|в)\b",
    re.I,
)


def gives_distance(text: str) -> bool:
    """A place's distance closes the text: "Cineworld London - Chelsea (2.13 miles)", "(0.62 miles)"."""
    return text.endswith(")") and _DISTANCE.search(text) is not None  # the test first: it runs on every record's text


def one_films_page(url: str | None) -> bool:
    """The address is a film database's page of one film or show ("kinopoisk.ru/film/77531/", "csfd.cz/film/2294-…/
    prehled/", "movie.aspx?id=10032927"): the lists such a page shows (similar films, what else is on) are rails."""
    return url is not None and _ONE_FILM_ADDRESS.search(url) is not None


def title_like(title: str, strict: bool = True) -> bool:
    """A name, not a measure, a date, a byline, a place's distance or, when ``strict`` (a film's name), a sentence: lists of
    other things name their entries with whole headlines ("Google has bought CloudSimple, a startup …")."""
    text = title.strip()
    if (
        not LETTER.search(text)
        or _NUMERIC.match(text)
        or _LABELLED_NUMBER.match(text)
        or _DATE.match(text)
        or only_a_date(text)
    ):
        return False
    if gives_distance(text):
        return False
    words = text.split()
    if _BYLINE.match(text) and len(words) <= 4:
        return False
    # A sentence: many words, or a full stop after several (a title ends in "." only when short: "Mulholland Dr."),
    # or a line that quotes a work's name between 《》 among words of its own (a Chinese headline: "不掀桌也能火出圈？
    # 《庆余年2》杀…"): a name is not written in the marks that quote names.
    return not strict or not (
        len(words) > _MAX_WORDS
        or (len(words) >= 7 and text.endswith((".", "!")))
        or (_QUOTED_WORK.search(text) is not None and len(_QUOTED_WORK.sub("", text).strip()) > _MAX_AROUND_QUOTED)
    )


def share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def steps_by_one(ranks: list[int]) -> float:
    """The share of consecutive ranks one apart, up or down (a chart, a countdown); 0.0 for fewer than two."""
    return share([abs(later - earlier) == 1 for earlier, later in pairwise(ranks)])


def about_films(words: str) -> bool:
    return bool(_FILM_WORDS.search(_SHOWS_AS_VERB.sub(" ", words)))


def names_films(text: str) -> bool:
    """The text names films or shows in the plural, as a list's lead-in names what follows ("Top Ten Movies:"): not
    the words TV shares with other things ("Data Streaming Platforms:"), nor one film ("as the film tells us")."""
    return _FILMS_PLURAL.search(text) is not None


def named_by_medium(title: str) -> bool:
    """The title's first part is a film or show word alone ("anime", "追剧", "Movies & Shows" aside): a page named
    after what it collects, as a site's page of its owner's anime or dramas is, in languages with no plural to say so."""
    return _FILM_WORDS.fullmatch(TITLE_PARTS.split(title.strip())[0].strip()) is not None


def search_results(titles: list[str]) -> bool:
    """The page's titles call it a site's search results ("Search Results for : \"The Middle\"", "Výsledky
    vyhledávání", "Результаты поиска"): a list of what the site holds, whatever it links."""
    return bool(_SEARCH_RESULTS.search(" ".join(titles)))


def programme_page(words: str) -> bool:
    """The page's titles or address name a cinema's or festival's programme: its films are the page's list."""
    return bool(_PROGRAMME.search(words))


def other_medium(words: str) -> str | None:
    """The other medium a page's titles name ("games", "albums") when they name no film word; else None. Words other
    media share with TV ("shows", "episodes", "series": a podcast's) are no film word beside one, but for TV's own
    ("TV shows", "television series": "The best TV shows based on video games")."""
    if about_films(_SHARED_WORDS.sub(" ", words)) or _TV_WORKS.search(words):
        return None
    found = _OTHER_MEDIA.search(words)
    return found.group(0).casefold() if found else None


def linked_medium(href: str) -> str | None:
    """The other medium whose catalogue ``href`` is a work's page in ("books" for a Goodreads book), or None."""
    return next((medium for medium, pattern in _OTHER_MEDIUM_LINKS if pattern.search(href)), None)


def mostly_questions(titles: list[str]) -> bool:
    """Half of the titles or more are questions: a FAQ's or an interview's, not a list of works (a film is called
    "What About Bob?" now and then, not every other one)."""
    return share([title.rstrip().endswith(("?", "？")) for title in titles]) >= 0.5


def mostly_sentences(titles: list[str]) -> bool:
    """Half of the titles or more run to eight words or more after any series name before a colon: a rail of
    headlines or a list of tips, not of films (no list of films in the labelled pages has a median of over seven
    words; the longest names are a series' and its instalment's, "The Lord of the Rings: The Return of the King")."""
    return bool(titles) and median(len(title.split(":", 1)[-1].split()) for title in titles) >= _SENTENCE_WORDS


def mostly_index_letters(titles: list[str]) -> bool:
    """Half of the titles or more are an A-Z index's letters ("0-9", "A", "B" …): the index's bar, whatever it
    links, not a list of works."""
    return share([INDEX_LETTER.fullmatch(title.strip()) is not None for title in titles]) >= 0.5


def mostly_site_sections(titles: list[str]) -> bool:
    """Half of the titles or more are a site's sections ("Movies Home", "Showtimes & Tickets", "Box Office", "World
    politics", "Business & finance"): a menu, whatever its markup, not a list of works (in the labelled lists at most
    one name in twenty reads so: "Weather", "The Help", "Community")."""
    return share([_names_a_section(title) for title in titles]) >= 0.5


def _names_a_section(title: str) -> bool:
    """Every word of the title is a menu's, and it holds no number ("Movie 43", "Film 1" name works)."""
    words = [word for word in _WORDS.findall(title.casefold()) if word not in _JOINING_WORDS]
    return bool(words) and all(word in _SECTION_WORDS for word in words) and not any(c.isdigit() for c in title)


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_JOINING_WORDS = frozenset({"and", "the", "of", "a", "&"})
# The words of a site's menu: its sections and services, as news and film sites name them.
_SECTION_WORDS = frozenset({
    "home", "news", "latest", "reviews", "review", "trailers", "trailer", "videos", "video", "photos", "photo",
    "pictures", "gallery", "galleries", "dvd", "dvds", "blu-ray", "bluray", "box", "office", "coming", "soon", "now",
    "playing", "showing", "current", "new", "releases", "release", "showtimes", "tickets", "top", "rated", "popular",
    "most", "movies", "movie", "films", "film", "tv", "television", "shows", "celebs", "celebrities", "awards",
    "events", "community", "contact", "about", "us", "help", "login", "sign", "in", "register", "subscribe",
    "newsletter", "search", "more", "features", "interviews", "blogs", "blog", "podcasts", "games", "music",
    "sports", "sport", "politics", "business", "finance", "world", "economics", "economy", "science", "technology",
    "tech", "lifestyle", "opinion", "culture", "arts", "entertainment", "travel", "food", "health", "weather",
    "local", "national", "international", "live", "schedule", "guide", "listings", "theaters", "theatres", "cinemas",
    "streaming", "magazine", "shop", "store", "deals", "faq", "privacy", "terms", "all", "art", "design", "books",
    "pop", "stories", "jobs",
    # and its buttons that share or keep a page ("Print this page", "Email Article", "Del.icio.us", "Digg")
    "print", "email", "e-mail", "mail", "comment", "comments", "share", "bookmark", "tweet", "rss", "this", "your",
    "article", "facebook", "twitter", "pinterest", "instagram", "linkedin", "whatsapp", "tumblr", "reddit", "digg",
    "del", "icio", "delicious", "newsvine", "technorati", "stumbleupon", "youtube", "tiktok", "flickr", "myspace",
    # and a forum's or an account's ("Memberlist", "Usergroups", "Log in to check your private messages")
    "forum", "forums", "memberlist", "members", "usergroups", "groups", "profile", "log", "logout", "out", "up",
    "account", "settings", "private", "messages", "check", "posts", "topics", "unanswered", "calendar",
})  # fmt: skip


def ranked_products(titles: list[str]) -> str | None:
    """The products a page's titles say it ranks ("services" in "Best live TV streaming service"), or None."""
    found = next((match for title in titles if (match := _PRODUCTS.search(title))), None)
    return found.group("product").casefold() if found else None


def names_comments(heading: str) -> bool:
    """The heading over a run names a comment thread ("Reader Feedback - 129 Comments", "12 Responses to “…”",
    "Comments (5)"): its records are readers' names and dates, whatever they look like."""
    return _COMMENTS.search(heading.strip()) is not None


def names_a_rail(heading: str) -> bool:
    """The heading over a run names a rail of the site's other pages ("Recommended for You", "You May Also Like",
    "Related Articles", "More Like This", "Most Read"), not a list an article gives ("Most popular movies", a
    chart's own heading, names what it ranks)."""
    heading = heading.strip()
    return _RAIL.match(heading) is not None or _BARE_RAIL.fullmatch(heading) is not None


def notes_on_one_work(titles: list[str]) -> bool:
    """The page's titles promise notes on one work ("7 observations about the first Matrix"), not a list of works."""
    return any(_NOTES_ON_ONE.search(title) for title in titles)
