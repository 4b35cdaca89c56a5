"""Plausible press releases in three languages, made up from phrase tables, for load and demos.

The archive the site must carry holds about 17,000 releases; this makes as many as asked, with
the mix of sections, statuses, lengths and missing translations a real archive has, so that
benchmarks measure what visitors and editors will meet. Every sentence is our own.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

CITIES = [
    {"az": "Bakı", "en": "Baku", "ru": "Баку"},
    {"az": "Gəncə", "en": "Ganja", "ru": "Гянджа"},
    {"az": "Sumqayıt", "en": "Sumgayit", "ru": "Сумгайыт"},
    {"az": "Lənkəran", "en": "Lankaran", "ru": "Ленкорань"},
    {"az": "Şəki", "en": "Shaki", "ru": "Шеки"},
    {"az": "Mingəçevir", "en": "Mingachevir", "ru": "Мингячевир"},
    {"az": "Naxçıvan", "en": "Nakhchivan", "ru": "Нахчыван"},
    {"az": "Quba", "en": "Guba", "ru": "Губа"},
]
PARTNERS = [
    {
        "az": "Beynəlxalq Miqrasiya Təşkilatı",
        "en": "the International Organization for Migration",
        "ru": "Международная организация по миграции",
    },
    {
        "az": "BMT-nin Qaçqınlar üzrə Ali Komissarlığı",
        "en": "the Office of the UN High Commissioner for Refugees",
        "ru": "Управление Верховного комиссара ООН по делам беженцев",
    },
    {
        "az": "Avropa İttifaqının nümayəndə heyəti",
        "en": "a delegation of the European Union",
        "ru": "делегация Европейского союза",
    },
    {
        "az": "Gürcüstanın miqrasiya orqanları",
        "en": "the migration authorities of Georgia",
        "ru": "миграционные органы Грузии",
    },
    {
        "az": "Qazaxıstanın Daxili İşlər Nazirliyi",
        "en": "the Ministry of Internal Affairs of Kazakhstan",
        "ru": "Министерство внутренних дел Казахстана",
    },
]
SERVICES = [
    {
        "az": "müvəqqəti yaşamaq üçün icazə",
        "en": "temporary residence permits",
        "ru": "разрешения на временное проживание",
    },
    {
        "az": "daimi yaşamaq üçün icazə",
        "en": "permanent residence permits",
        "ru": "разрешения на постоянное проживание",
    },
    {"az": "iş icazəsi", "en": "work permits", "ru": "разрешения на работу"},
    {
        "az": "olduğu yer üzrə qeydiyyat",
        "en": "registration at the place of stay",
        "ru": "регистрация по месту пребывания",
    },
    {
        "az": "vətəndaşlıq məsələləri",
        "en": "citizenship matters",
        "ru": "вопросы гражданства",
    },
]

# Each topic: its section, a title, a summary and body paragraphs, with {city}, {partner},
# {service} and {number} filled in per release.
TOPICS = [
    {
        "category": "news",
        "title": {
            "az": "{city} regional miqrasiya idarəsində vətəndaşların qəbulu keçirilib",
            "en": "Citizens received at the {city} regional migration office",
            "ru": "В региональном миграционном управлении {city} прошёл приём граждан",
        },
        "summary": {
            "az": "Xidmətin rəhbərliyi {city} regional miqrasiya idarəsində {number} vətəndaşı "
            "qəbul edib, onların müraciətlərini dinləyib.",
            "en": "The Service's management received {number} people at the {city} regional "
            "migration office and heard their requests.",
            "ru": "Руководство Службы приняло {number} граждан в региональном миграционном "
            "управлении {city} и выслушало их обращения.",
        },
        "paragraphs": {
            "az": [
                "Qəbulda əsasən {service} ilə bağlı suallar qaldırılıb. Müraciətlərin bir "
                "qismi yerindəcə həll olunub, digərləri isə araşdırılması üçün aidiyyəti "
                "struktur bölmələrə göndərilib.",
                "Vətəndaşlara müraciətlərin elektron qaydada təqdim edilməsi imkanları barədə "
                "ətraflı məlumat verilib, Xidmətin Çağrı Mərkəzinin iş rejimi izah olunub.",
                "Qəbulun sonunda idarənin əməkdaşları ilə görüş keçirilib, xidmət "
                "keyfiyyətinin artırılması ilə bağlı tapşırıqlar verilib.",
            ],
            "en": [
                "Most questions concerned {service}. Some requests were resolved on the spot; "
                "the others were passed to the departments concerned for review.",
                "Visitors were given detailed information on applying online, and the working "
                "hours of the Service's Call Centre were explained.",
                "After the reception a meeting was held with the office's staff, and tasks "
                "were set for improving the quality of service.",
            ],
            "ru": [
                "Основная часть вопросов касалась темы «{service}». Часть обращений решена на "
                "месте, остальные направлены в профильные подразделения для рассмотрения.",
                "Гражданам подробно рассказали о возможности подавать заявления в электронном "
                "виде и о режиме работы Call-центра Службы.",
                "По завершении приёма состоялась встреча с сотрудниками управления, даны "
                "поручения по повышению качества обслуживания.",
            ],
        },
    },
    {
        "category": "news",
        "title": {
            "az": "Dövlət Miqrasiya Xidmətində {partner} ilə görüş keçirilib",
            "en": "State Migration Service meets {partner}",
            "ru": "В Государственной миграционной службе состоялась встреча: {partner}",
        },
        "summary": {
            "az": "Görüşdə miqrasiya sahəsində əməkdaşlığın genişləndirilməsi, təcrübə "
            "mübadiləsi və birgə layihələr müzakirə olunub.",
            "en": "The meeting discussed wider cooperation on migration, the exchange of "
            "experience and joint projects.",
            "ru": "На встрече обсуждались расширение сотрудничества в сфере миграции, обмен "
            "опытом и совместные проекты.",
        },
        "paragraphs": {
            "az": [
                "Görüşdə tərəflər son illərdə həyata keçirilmiş birgə layihələrin nəticələrini "
                "dəyərləndiriblər. Qeyd olunub ki, {number} əməkdaş təlimlərdə iştirak edib.",
                "Xidmətin rəhbərliyi elektron xidmətlərin genişləndirilməsi, o cümlədən "
                "{service} üzrə müraciətlərin onlayn qəbulu barədə məlumat verib.",
                "Qonaqlar Xidmətin fəaliyyətini yüksək qiymətləndiriblər. Görüşdə qarşılıqlı "
                "maraq doğuran digər məsələlər ətrafında da fikir mübadiləsi aparılıb.",
            ],
            "en": [
                "The parties reviewed the results of the joint projects of recent years; "
                "{number} staff members have taken part in training so far.",
                "The Service's management described the growth of its e-services, including "
                "online applications for {service}.",
                "The guests spoke highly of the Service's work. Other matters of mutual "
                "interest were also discussed.",
            ],
            "ru": [
                "Стороны оценили результаты совместных проектов последних лет; в обучении уже "
                "приняли участие {number} сотрудников.",
                "Руководство Службы рассказало о развитии электронных услуг, в том числе о "
                "приёме онлайн-заявлений по теме «{service}».",
                "Гости высоко оценили работу Службы. Состоялся также обмен мнениями по другим "
                "вопросам, представляющим взаимный интерес.",
            ],
        },
    },
    {
        "category": "announcements",
        "title": {
            "az": "Əcnəbilərin nəzərinə: {service} üzrə müraciət qaydası",
            "en": "Notice to foreigners: how to apply for {service}",
            "ru": "Вниманию иностранцев: порядок обращения — {service}",
        },
        "summary": {
            "az": "Xidmət {service} üzrə müraciətlərin qanunvericilikdə müəyyən edilmiş "
            "müddətdə təqdim edilməsinin vacibliyini xatırladır.",
            "en": "The Service reminds applicants that requests concerning {service} must be "
            "made within the time limits set by law.",
            "ru": "Служба напоминает, что обращения по теме «{service}» необходимо подавать в "
            "сроки, установленные законодательством.",
        },
        "paragraphs": {
            "az": [
                "Müraciət Xidmətin regional miqrasiya idarələrinə şəxsən və ya rəsmi internet "
                "portalı vasitəsilə elektron qaydada təqdim oluna bilər.",
                "Tələb olunan sənədlərin siyahısı portalda dərc olunub. Sənədlər tam təqdim "
                "edildikdə müraciətə qısa müddətdə baxılır.",
                "Qaydaların pozulması inzibati məsuliyyətə səbəb olur. Əlavə məlumat üçün "
                "Çağrı Mərkəzinə müraciət etmək olar.",
            ],
            "en": [
                "Applications may be made in person at the Service's regional migration offices "
                "or online through its official portal.",
                "The list of required documents is published on the portal. Complete "
                "applications are dealt with promptly.",
                "Breaking the rules entails administrative liability. The Call Centre answers "
                "further questions.",
            ],
            "ru": [
                "Обратиться можно лично в региональные миграционные управления Службы или в "
                "электронном виде через её официальный портал.",
                "Перечень необходимых документов опубликован на портале. Полные комплекты "
                "документов рассматриваются в короткие сроки.",
                "Нарушение правил влечёт административную ответственность. Дополнительные "
                "вопросы можно задать Call-центру.",
            ],
        },
    },
    {
        "category": "news",
        "title": {
            "az": "{city} şəhərində miqrasiya qanunvericiliyinə dair maarifləndirmə tədbiri",
            "en": "Awareness event on migration law held in {city}",
            "ru": "В {city} прошло просветительское мероприятие о миграционном законодательстве",
        },
        "summary": {
            "az": "Tədbirdə {number} nəfər iştirak edib; iştirakçılara {service} ilə bağlı "
            "qaydalar izah olunub.",
            "en": "{number} people attended the event, where the rules on {service} were "
            "explained.",
            "ru": "В мероприятии приняли участие {number} человек; им разъяснили правила, "
            "касающиеся темы «{service}».",
        },
        "paragraphs": {
            "az": [
                "Tədbir yerli icra hakimiyyəti və ictimai təşkilatlarla birgə təşkil olunub. "
                "Çıxışlarda qanunvericilikdə son dəyişikliklər diqqətə çatdırılıb.",
                "İştirakçılar onları maraqlandıran sualları veriblər, paylama materialları "
                "təqdim olunub.",
            ],
            "en": [
                "The event was organised with the local executive authority and community "
                "organisations. Speakers drew attention to recent changes in the law.",
                "Participants asked questions and were given printed guidance.",
            ],
            "ru": [
                "Мероприятие организовано совместно с местной исполнительной властью и "
                "общественными организациями. Выступавшие рассказали о последних изменениях в "
                "законодательстве.",
                "Участники задали интересующие их вопросы, им раздали информационные материалы.",
            ],
        },
    },
    {
        "category": "interviews",
        "title": {
            "az": "Xidmətin rəsmisi: «{service} sahəsində yeniliklər vaxta qənaət edir»",
            "en": "Service official: “Changes in {service} save applicants time”",
            "ru": "Представитель Службы: «Новое в сфере {service} экономит время заявителей»",
        },
        "summary": {
            "az": "Müsahibədə ötən il {number} müraciətin elektron qaydada qəbul edildiyi "
            "bildirilib.",
            "en": "In the interview, the official said {number} applications were received "
            "online last year.",
            "ru": "В интервью сообщается, что в прошлом году в электронном виде принято "
            "{number} заявлений.",
        },
        "paragraphs": {
            "az": [
                "— Son illərdə hansı dəyişikliklər edilib? — Müraciətlərin əksəriyyəti artıq "
                "onlayn qəbul olunur və ərizəçi Xidmətə yalnız bir dəfə gəlir.",
                "— Növbəti addımlar nədir? — Şəxsi kabinetin imkanlarını genişləndirir, "
                "regionlarda xidmət şəbəkəsini gücləndiririk.",
            ],
            "en": [
                "— What has changed in recent years? — Most applications are now made online, "
                "and applicants visit the Service only once.",
                "— What comes next? — We are extending the personal account and strengthening "
                "our offices in the regions.",
            ],
            "ru": [
                "— Что изменилось за последние годы? — Большинство заявлений теперь подаётся "
                "онлайн, и заявитель приходит в Службу лишь один раз.",
                "— Каковы следующие шаги? — Мы расширяем возможности личного кабинета и "
                "укрепляем сеть отделений в регионах.",
            ],
        },
    },
    {
        "category": "articles",
        "title": {
            "az": "Miqrasiya statistikası: {number} rüblük göstərici barədə",
            "en": "Migration statistics: a look at the quarter's {number} decisions",
            "ru": "Миграционная статистика: {number} решений за квартал",
        },
        "summary": {
            "az": "Rüb ərzində {service} üzrə {number} qərar qəbul olunub; məqalədə "
            "göstəricilərin təhlili verilir.",
            "en": "{number} decisions on {service} were taken in the quarter; the article "
            "analyses the figures.",
            "ru": "За квартал принято {number} решений по теме «{service}»; в статье "
            "анализируются показатели.",
        },
        "paragraphs": {
            "az": [
                "Göstəricilər əvvəlki dövrlə müqayisədə sabit artım nümayiş etdirir. Artımın "
                "əsas səbəbi elektron müraciətlərin payının yüksəlməsidir.",
                "Müraciətlərin coğrafiyası genişlənib: paytaxtdan kənarda yerləşən idarələrə "
                "daxil olan müraciətlərin sayı artıb.",
                "Məlumatlar fərdi məlumatların qorunması tələblərinə uyğun olaraq ümumiləşdirilmiş "
                "şəkildə təqdim olunur.",
            ],
            "en": [
                "The figures show steady growth on the previous period, driven mainly by the "
                "rising share of online applications.",
                "Applications now come from a wider area: offices outside the capital received "
                "more of them.",
                "The data are presented in aggregate, in line with personal data protection rules.",
            ],
            "ru": [
                "Показатели демонстрируют устойчивый рост по сравнению с предыдущим периодом, "
                "прежде всего за счёт роста доли электронных заявлений.",
                "География обращений расширилась: в управления за пределами столицы поступило "
                "больше заявлений.",
                "Данные представлены в обобщённом виде в соответствии с требованиями защиты "
                "персональных данных.",
            ],
        },
    },
]
LANGUAGES = ("az", "en", "ru")
EPOCH = datetime(2005, 1, 1, 9, 0)


@dataclass
class GeneratedRelease:
    """One made-up release, as the import format and the bulk loader both take it."""

    legacy_id: int
    category: str
    published_at: datetime
    status: str
    texts: dict  # {"title": {"az": "…"}, "summary": {…}, "body": {…}}


def _fill(template, slots, language):
    return template.format(**{name: value[language] for name, value in slots.items()})


def generate(count, *, seed=1, first_legacy_id=100_000, until=None):
    """Yield ``count`` releases, oldest first, spread evenly from 2005 to ``until`` (today)."""
    rng = random.Random(seed)
    until = until or datetime.combine(timezone.localdate(), datetime.min.time())
    span = (until - EPOCH) / max(count, 1)
    for index in range(count):
        topic = rng.choice(TOPICS)
        slots = {
            "city": rng.choice(CITIES),
            "partner": rng.choice(PARTNERS),
            "service": rng.choice(SERVICES),
            "number": dict.fromkeys(LANGUAGES, str(rng.randint(12, 4800))),
        }
        # Most releases are translated; some lack Russian, a few have only Azerbaijani.
        roll = rng.random()
        languages = LANGUAGES if roll < 0.85 else ("az", "en") if roll < 0.95 else ("az",)
        texts = {"title": {}, "summary": {}, "body": {}}
        for language in languages:
            paragraphs = topic["paragraphs"][language]
            chosen = paragraphs * rng.randint(1, 3)
            texts["title"][language] = _fill(topic["title"][language], slots, language)
            texts["summary"][language] = _fill(topic["summary"][language], slots, language)
            texts["body"][language] = "".join(
                f"<p>{_fill(paragraph, slots, language)}</p>" for paragraph in chosen
            )
        moment = EPOCH + span * index + timedelta(minutes=rng.randint(0, 600))
        moment = moment.replace(microsecond=0)
        yield GeneratedRelease(
            legacy_id=first_legacy_id + index,
            category=topic["category"],
            published_at=timezone.make_aware(moment),
            status="published" if rng.random() < 0.97 else "draft",
            texts=texts,
        )
