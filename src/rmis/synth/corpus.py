"""The name corpus: surnames and given names of each origin, with every written form.

Each name is stored as registries really write it, one line per name, most common first:

    native  russian  passport  passport_alt

- `native`: the nationality's own script: Tajik Cyrillic (ғ ӣ қ ӯ ҳ ҷ), Uzbek Latin (oʻ gʻ),
  Kyrgyz Cyrillic (ң ө ү), Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і), Azerbaijani Latin (ə ğ ı ö ş ü ç).
- `russian`: how a Russian (or Russian-language) clerk writes it: ҳ → х, ҷ → дж, қ → к ...,
  and sometimes a different, older Russian spelling altogether (Шарифов / Шарипов,
  Фотима / Фатима, Əhmədov / Ахмедов).
- `passport`: the Latin of the person's own current passport (Tajik passports write ҳ ҷ қ ғ as
  H J Q GH, Uzbek passports write Uzbek Latin without the ʻ, Azerbaijani passports drop the
  diacritics, Kyrgyz and Kazakh passports use the ICAO rendering of the Cyrillic).
- `passport_alt`: the other Latin a person meets: the ICAO 9303 rendering of the Russian form
  (RAKHMONOV, DZHAMSHED, IUSUPOV), a GOST 2010 era form (TCOI), or the colloquial J for ZH
  (JAPAROV). `-` means the same as `passport`.

A leading `=` marks a surname that has no feminine form (Цой, Ким, -зода, -li).
The forms are written out by hand, not computed, so that they can serve as an independent
ground truth for the name-matching code. Female surnames add -а/-a/-A to every form of an
inflecting surname; that is morphology, not transliteration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_TJK_SURNAMES = """
Раҳимов Рахимов RAHIMOV RAKHIMOV
Раҳмонов Рахмонов RAHMONOV RAKHMONOV
Каримов Каримов KARIMOV -
Назаров Назаров NAZAROV -
Сафаров Сафаров SAFAROV -
Шарифов Шарипов SHARIFOV SHARIPOV
Саидов Саидов SAIDOV -
Қурбонов Курбонов QURBONOV KURBONOV
Алиев Алиев ALIEV -
Азимов Азимов AZIMOV -
Ҳасанов Хасанов HASANOV KHASANOV
Мирзоев Мирзоев MIRZOEV -
Давлатов Давлатов DAVLATOV -
Ғафуров Гафуров GHAFUROV GAFUROV
Ҷӯраев Джураев JURAEV DZHURAEV
Ҳусейнов Хусейнов HUSEYNOV KHUSEINOV
Нуров Нуров NUROV -
Олимов Олимов OLIMOV -
Салимов Салимов SALIMOV -
Аминов Аминов AMINOV -
Исмоилов Исмоилов ISMOILOV -
Ёқубов Якубов YOQUBOV IAKUBOV
Одинаев Одинаев ODINAEV -
Қодиров Кодиров QODIROV KODIROV
Ҳакимов Хакимов HAKIMOV KHAKIMOV
Юсуфов Юсупов YUSUFOV IUSUPOV
Латифов Латипов LATIFOV LATIPOV
Бобоев Бобоев BOBOEV -
Холов Холов KHOLOV -
Шодиев Шодиев SHODIEV -
Абдуллоев Абдуллоев ABDULLOEV -
Ашуров Ашуров ASHUROV -
Зоиров Зоиров ZOIROV -
Ҳамидов Хамидов HAMIDOV KHAMIDOV
Маҳмадов Махмадов MAHMADOV MAKHMADOV
Муродов Муродов MURODOV -
Насриддинов Насриддинов NASRIDDINOV -
Раҷабов Раджабов RAJABOV RADZHABOV
Саъдуллоев Садуллоев SADULLOEV -
Тоиров Тоиров TOIROV -
Умаров Умаров UMAROV -
Файзуллоев Файзуллоев FAYZULLOEV FAIZULLOEV
Хоҷаев Ходжаев KHOJAEV KHODZHAEV
Ҳайдаров Хайдаров HAYDAROV KHAIDAROV
Эмомов Эмомов EMOMOV -
Ғуломов Гуломов GHULOMOV GULOMOV
Қосимов Косимов QOSIMOV KOSIMOV
Мирзоалиев Мирзоалиев MIRZOALIEV -
Сангинов Сангинов SANGINOV -
Бобоҷонов Бободжонов BOBOJONOV BOBODZHONOV
Ҷалолов Джалолов JALOLOV DZHALOLOV
Икромов Икромов IKROMOV -
Неъматов Нематов NEMATOV -
Пулодов Пулодов PULODOV -
Ризоев Ризоев RIZOEV -
Сулаймонов Сулаймонов SULAYMONOV SULAIMONOV
Табаров Табаров TABAROV -
Убайдуллоев Убайдуллоев UBAYDULLOEV UBAIDULLOEV
Фозилов Фозилов FOZILOV -
Ҳотамов Хотамов HOTAMOV KHOTAMOV
Шамсиддинов Шамсиддинов SHAMSIDDINOV -
Ятимов Ятимов YATIMOV IATIMOV
Валиев Валиев VALIEV -
=Шарифзода Шарифзода SHARIFZODA -
=Давлатзода Давлатзода DAVLATZODA -
=Раҳимзода Рахимзода RAHIMZODA RAKHIMZODA
"""

_TJK_MALE = """
Ҷамшед Джамшед JAMSHED DZHAMSHED
Фирдавс Фирдавс FIRDAVS -
Муҳаммад Мухаммад MUHAMMAD MUKHAMMAD
Алӣ Али ALI -
Аҳмад Ахмад AHMAD AKHMAD
Рустам Рустам RUSTAM -
Фаррух Фаррух FARRUKH -
Комрон Комрон KOMRON -
Сомон Сомон SOMON -
Далер Далер DALER -
Бахтиёр Бахтиёр BAKHTIYOR BAKHTIER
Шерзод Шерзод SHERZOD -
Парвиз Парвиз PARVIZ -
Умед Умед UMED -
Зафар Зафар ZAFAR -
Исмоил Исмоил ISMOIL -
Абдулло Абдулло ABDULLO -
Қурбон Курбон QURBON KURBON
Ҳусейн Хусейн HUSEYN KHUSEIN
Сӯҳроб Сухроб SUHROB SUKHROB
Юсуф Юсуф YUSUF IUSUF
Илҳом Ильхом ILHOM ILKHOM
Меҳрод Мехрод MEHROD MEKHROD
Шоҳрух Шохрух SHOHRUKH SHOKHRUKH
Аброр Аброр ABROR -
Некрӯз Некруз NEKRUZ -
Баҳодур Баходур BAHODUR BAKHODUR
Саидҷон Саиджон SAIDJON SAIDZHON
Раҳмон Рахмон RAHMON RAKHMON
Наврӯз Навруз NAVRUZ -
Ҷаҳонгир Джахонгир JAHONGIR DZHAKHONGIR
Хуршед Хуршед KHURSHED -
Мансур Мансур MANSUR -
Носир Носир NOSIR -
Олим Олим OLIM -
Фарҳод Фарход FARHOD FARKHOD
Манучеҳр Манучехр MANUCHEHR MANUCHEKHR
Шариф Шариф SHARIF -
Азиз Азиз AZIZ -
Эмомалӣ Эмомали EMOMALI -
Зубайдулло Зубайдулло ZUBAYDULLO ZUBAIDULLO
Тоҳир Тохир TOHIR TOKHIR
Файзулло Файзулло FAYZULLO FAIZULLO
Мирзо Мирзо MIRZO -
Ҳасан Хасан HASAN KHASAN
Соҳиб Сохиб SOHIB SOKHIB
Исломиддин Исломиддин ISLOMIDDIN -
Нуриддин Нуриддин NURIDDIN -
Сайфулло Сайфулло SAYFULLO SAIFULLO
Қодир Кодир QODIR KODIR
Ғайрат Гайрат GHAYRAT GAIRAT
Рашид Рашид RASHID -
Муҳиддин Мухиддин MUHIDDIN MUKHIDDIN
Дилшод Дилшод DILSHOD -
Анвар Анвар ANVAR -
Беҳрӯз Бехруз BEHRUZ BEKHRUZ
Умар Умар UMAR -
Валӣ Вали VALI -
Исфандиёр Исфандиёр ISFANDIYOR ISFANDIER
Акбар Акбар AKBAR -
Ҷалол Джалол JALOL DZHALOL
Толиб Толиб TOLIB -
"""

_TJK_FEMALE = """
Гулноза Гулноза GULNOZA -
Мадина Мадина MADINA -
Нилуфар Нилуфар NILUFAR -
Фотима Фатима FOTIMA FATIMA
Зарина Зарина ZARINA -
Шаҳло Шахло SHAHLO SHAKHLO
Малика Малика MALIKA -
Мавҷуда Мавджуда MAVJUDA MAVDZHUDA
Фирӯза Фируза FIRUZA -
Дилноза Дилноза DILNOZA -
Парвина Парвина PARVINA -
Меҳринисо Мехринисо MEHRINISO MEKHRINISO
Сурайё Сурайё SURAYYO SURAIE
Гулчеҳра Гулчехра GULCHEHRA GULCHEKHRA
Манижа Манижа MANIZHA MANIJA
Ситора Ситора SITORA -
Шабнам Шабнам SHABNAM -
Муниса Муниса MUNISA -
Ҳилола Хилола HILOLA KHILOLA
Рухшона Рухшона RUKHSHONA -
Одина Одина ODINA -
Нигина Нигина NIGINA -
Таҳмина Тахмина TAHMINA TAKHMINA
Саодат Саодат SAODAT -
Мунира Мунира MUNIRA -
Гулбаҳор Гулбахор GULBAHOR GULBAKHOR
Зулфия Зульфия ZULFIYA ZULFIIA
Гулрухсор Гулрухсор GULRUKHSOR -
Зебо Зебо ZEBO -
Латофат Латофат LATOFAT -
Ойша Ойша OYSHA OISHA
Фарзона Фарзона FARZONA -
Ҷамила Джамила JAMILA DZHAMILA
Мастура Мастура MASTURA -
Раъно Рано RANO -
"""

_UZB_SURNAMES = """
Karimov Каримов KARIMOV -
Rahimov Рахимов RAHIMOV RAKHIMOV
Yusupov Юсупов YUSUPOV IUSUPOV
Tursunov Турсунов TURSUNOV -
Abdullayev Абдуллаев ABDULLAYEV ABDULLAEV
Aliyev Алиев ALIYEV ALIEV
Xolmatov Холматов XOLMATOV KHOLMATOV
Ergashev Эргашев ERGASHEV -
Saidov Саидов SAIDOV -
Rashidov Рашидов RASHIDOV -
Mirzayev Мирзаев MIRZAYEV MIRZAEV
Sultonov Султанов SULTONOV SULTANOV
Nazarov Назаров NAZAROV -
Qodirov Кадыров QODIROV KADYROV
Ismoilov Исмаилов ISMOILOV ISMAILOV
Hasanov Хасанов HASANOV KHASANOV
Usmonov Усманов USMONOV USMANOV
Murodov Мурадов MURODOV MURADOV
Toshmatov Ташматов TOSHMATOV TASHMATOV
Oʻrinov Уринов ORINOV URINOV
Gʻaniyev Ганиев GANIYEV GANIEV
Boboyev Бобоев BOBOYEV BOBOEV
Umarov Умаров UMAROV -
Joʻrayev Джураев JORAYEV DZHURAEV
Sobirov Сабиров SOBIROV SABIROV
Rahmonov Рахманов RAHMONOV RAKHMANOV
Normatov Норматов NORMATOV -
Qosimov Касымов QOSIMOV KASYMOV
Ahmedov Ахмедов AHMEDOV AKHMEDOV
Hamidov Хамидов HAMIDOV KHAMIDOV
Zokirov Закиров ZOKIROV ZAKIROV
Shukurov Шукуров SHUKUROV -
Mahmudov Махмудов MAHMUDOV MAKHMUDOV
Yoʻldoshev Юлдашев YOLDOSHEV IULDASHEV
Nurmatov Нурматов NURMATOV -
Eshonqulov Эшанкулов ESHONQULOV ESHANKULOV
Xudoyberdiyev Худайбердиев XUDOYBERDIYEV KHUDAIBERDIEV
Abdurahimov Абдурахимов ABDURAHIMOV ABDURAKHIMOV
Mamatov Маматов MAMATOV -
Oripov Арипов ORIPOV ARIPOV
Sharipov Шарипов SHARIPOV -
Tojiboyev Таджибаев TOJIBOYEV TADZHIBAEV
Haydarov Хайдаров HAYDAROV KHAIDAROV
Islomov Исламов ISLOMOV ISLAMOV
Bahromov Бахрамов BAHROMOV BAKHRAMOV
Rustamov Рустамов RUSTAMOV -
Valiyev Валиев VALIYEV VALIEV
Tojiyev Таджиев TOJIYEV TADZHIEV
Qurbonov Курбанов QURBONOV KURBANOV
Sodiqov Садыков SODIQOV SADYKOV
Turgʻunov Тургунов TURGUNOV -
Obidov Абидов OBIDOV ABIDOV
Jalilov Джалилов JALILOV DZHALILOV
Inoyatov Иноятов INOYATOV INOIATOV
Hakimov Хакимов HAKIMOV KHAKIMOV
Safarov Сафаров SAFAROV -
Fayzullayev Файзуллаев FAYZULLAYEV FAIZULLAEV
Neʼmatov Нематов NEMATOV -
Poʻlatov Пулатов POLATOV PULATOV
Xoʻjayev Ходжаев XOJAYEV KHODZHAEV
Abdurahmonov Абдурахманов ABDURAHMONOV ABDURAKHMANOV
=Tsoy Цой TSOI TCOI
=Kim Ким KIM -
"""

_UZB_MALE = """
Oʻtkir Уткир OTKIR UTKIR
Jasur Жасур JASUR ZHASUR
Sardor Сардор SARDOR -
Bobur Бобур BOBUR -
Jahongir Джахонгир JAHONGIR DZHAKHONGIR
Sherzod Шерзод SHERZOD -
Aziz Азиз AZIZ -
Akmal Акмаль AKMAL -
Rustam Рустам RUSTAM -
Dilshod Дилшод DILSHOD -
Bekzod Бекзод BEKZOD -
Doston Достон DOSTON -
Sanjar Санжар SANJAR SANZHAR
Ulugʻbek Улугбек ULUGBEK -
Otabek Отабек OTABEK -
Shohrux Шохрух SHOHRUX SHOKHRUKH
Farrux Фаррух FARRUX FARRUKH
Jamshid Джамшид JAMSHID DZHAMSHID
Abdulla Абдулла ABDULLA -
Alisher Алишер ALISHER -
Anvar Анвар ANVAR -
Bahodir Баходир BAHODIR BAKHODIR
Baxtiyor Бахтиёр BAXTIYOR BAKHTIER
Davron Даврон DAVRON -
Elyor Элёр ELYOR ELER
Farhod Фарход FARHOD FARKHOD
Gʻayrat Гайрат GAYRAT GAIRAT
Hasan Хасан HASAN KHASAN
Husan Хусан HUSAN KHUSAN
Ilhom Ильхом ILHOM ILKHOM
Islom Ислом ISLOM -
Javlon Жавлон JAVLON ZHAVLON
Kamol Камол KAMOL -
Laziz Лазиз LAZIZ -
Mansur Мансур MANSUR -
Mirzo Мирзо MIRZO -
Muhammadali Мухаммадали MUHAMMADALI MUKHAMMADALI
Nodir Нодир NODIR -
Odil Одил ODIL -
Oybek Ойбек OYBEK OIBEK
Poʻlat Пулат POLAT PULAT
Ravshan Равшан RAVSHAN -
Sobir Собир SOBIR -
Temur Темур TEMUR -
Umid Умид UMID -
Xurshid Хуршид XURSHID KHURSHID
Zafar Зафар ZAFAR -
Shavkat Шавкат SHAVKAT -
Shuhrat Шухрат SHUHRAT SHUKHRAT
Akbar Акбар AKBAR -
Azamat Азамат AZAMAT -
Doniyor Дониёр DONIYOR DONIER
Ibrohim Иброхим IBROHIM IBROKHIM
Jaloliddin Жалолиддин JALOLIDDIN ZHALOLIDDIN
Kamoliddin Камолиддин KAMOLIDDIN -
Mirjalol Миржалол MIRJALOL MIRZHALOL
Nurbek Нурбек NURBEK -
Oʻlmas Ульмас OLMAS ULMAS
Sarvar Сарвар SARVAR -
Zokir Закир ZOKIR ZAKIR
Abror Аброр ABROR -
"""

_UZB_FEMALE = """
Gulnora Гульнора GULNORA -
Dilnoza Дилноза DILNOZA -
Nodira Нодира NODIRA -
Madina Мадина MADINA -
Zarina Зарина ZARINA -
Shahnoza Шахноза SHAHNOZA SHAKHNOZA
Feruza Феруза FERUZA -
Mohira Мохира MOHIRA MOKHIRA
Nilufar Нилуфар NILUFAR -
Dildora Дилдора DILDORA -
Gulchehra Гулчехра GULCHEHRA GULCHEKHRA
Kamola Камола KAMOLA -
Malika Малика MALIKA -
Munisa Муниса MUNISA -
Nargiza Наргиза NARGIZA -
Ozoda Озода OZODA -
Sevara Севара SEVARA -
Umida Умида UMIDA -
Yulduz Юлдуз YULDUZ IULDUZ
Zulfiya Зульфия ZULFIYA ZULFIIA
Barno Барно BARNO -
Dilfuza Дилфуза DILFUZA -
Gulbahor Гульбахор GULBAHOR GULBAKHOR
Hilola Хилола HILOLA KHILOLA
Lola Лола LOLA -
Mahliyo Махлиё MAHLIYO MAKHLIE
Oydin Ойдин OYDIN OIDIN
Saida Саида SAIDA -
Shoira Шоира SHOIRA -
Xurshida Хуршида XURSHIDA KHURSHIDA
Yorqinoy Ёркиной YORQINOY IORKINOI
Oʻgʻiloy Угилой OGILOY UGILOI
"""

_KGZ_SURNAMES = """
Жапаров Жапаров ZHAPAROV JAPAROV
Асанов Асанов ASANOV -
Осмонов Осмонов OSMONOV -
Абдыкадыров Абдыкадыров ABDYKADYROV -
Токтогулов Токтогулов TOKTOGULOV -
Мамытов Мамытов MAMYTOV -
Сыдыков Сыдыков SYDYKOV -
Бакиров Бакиров BAKIROV -
Турдубаев Турдубаев TURDUBAEV -
Исаков Исаков ISAKOV -
Кадыров Кадыров KADYROV -
Алиев Алиев ALIEV -
Абдыраев Абдыраев ABDYRAEV -
Эсенов Эсенов ESENOV -
Жумабаев Жумабаев ZHUMABAEV JUMABAEV
Токтосунов Токтосунов TOKTOSUNOV -
Садыров Садыров SADYROV -
Өмүрбеков Омурбеков OMURBEKOV -
Үсөнов Усенов USONOV USENOV
Бекмуратов Бекмуратов BEKMURATOV -
Кубанычбеков Кубанычбеков KUBANYCHBEKOV -
Орозбеков Орозбеков OROZBEKOV -
Сатыбалдиев Сатыбалдиев SATYBALDIEV -
Ибраимов Ибраимов IBRAIMOV -
Молдобаев Молдобаев MOLDOBAEV -
Шаршеев Шаршеев SHARSHEEV -
Абдылдаев Абдылдаев ABDYLDAEV -
Айтматов Айтматов AITMATOV AYTMATOV
Дүйшөнбиев Дуйшенбиев DUISHONBIEV DUISHENBIEV
Калыков Калыков KALYKOV -
Мамбетов Мамбетов MAMBETOV -
Нурматов Нурматов NURMATOV -
Осмоналиев Осмоналиев OSMONALIEV -
Раимбеков Раимбеков RAIMBEKOV -
Сулайманов Сулайманов SULAIMANOV SULAYMANOV
Таштанов Таштанов TASHTANOV -
Үмөталиев Умоталиев UMOTALIEV -
Чыныбаев Чыныбаев CHYNYBAEV -
Шаменов Шаменов SHAMENOV -
Эргешов Эргешов ERGESHOV -
Акматов Акматов AKMATOV -
Байзаков Байзаков BAIZAKOV BAYZAKOV
Беков Беков BEKOV -
Жээнбеков Жээнбеков ZHEENBEKOV JEENBEKOV
Жолдошев Жолдошев ZHOLDOSHEV JOLDOSHEV
Кенжебаев Кенжебаев KENZHEBAEV KENJEBAEV
Көчөров Кочоров KOCHOROV -
Мурзалиев Мурзалиев MURZALIEV -
Ниязов Ниязов NIIAZOV NIYAZOV
Сагынбаев Сагынбаев SAGYNBAEV -
Тойчиев Тойчиев TOICHIEV TOYCHIEV
Токтомушев Токтомушев TOKTOMUSHEV -
Абдрахманов Абдрахманов ABDRAKHMANOV ABDRAHMANOV
Бейшеналиев Бейшеналиев BEISHENALIEV BEYSHENALIEV
Жусупов Жусупов ZHUSUPOV JUSUPOV
Касымов Касымов KASYMOV -
Маматов Маматов MAMATOV -
Ормонов Ормонов ORMONOV -
Садыков Садыков SADYKOV -
Султанов Султанов SULTANOV -
Төлөгөнов Тологонов TOLOGONOV -
Үсөналиев Усеналиев USONALIEV USENALIEV
"""

_KGZ_MALE = """
Азамат Азамат AZAMAT -
Нурлан Нурлан NURLAN -
Бакыт Бакыт BAKYT -
Эрлан Эрлан ERLAN -
Улан Улан ULAN -
Максат Максат MAKSAT -
Руслан Руслан RUSLAN -
Талант Талант TALANT -
Мирлан Мирлан MIRLAN -
Айбек Айбек AIBEK AYBEK
Бекжан Бекжан BEKZHAN BEKJAN
Нурбек Нурбек NURBEK -
Канат Канат KANAT -
Тилек Тилек TILEK -
Үмөт Умот UMOT -
Жыргалбек Жыргалбек ZHYRGALBEK JYRGALBEK
Алмаз Алмаз ALMAZ -
Данияр Данияр DANIIAR DANIYAR
Темирлан Темирлан TEMIRLAN -
Чыңгыз Чингиз CHYNGYZ CHINGIZ
Айдар Айдар AIDAR AYDAR
Бактыбек Бактыбек BAKTYBEK -
Жаныбек Жаныбек ZHANYBEK JANYBEK
Кубаныч Кубаныч KUBANYCH -
Нурсултан Нурсултан NURSULTAN -
Өмүрбек Омурбек OMURBEK -
Самат Самат SAMAT -
Эмил Эмиль EMIL -
Адилет Адилет ADILET -
Бектур Бектур BEKTUR -
Жоомарт Жоомарт ZHOOMART JOOMART
Исламбек Исламбек ISLAMBEK -
Калыбек Калыбек KALYBEK -
Мелис Мелис MELIS -
Нуржигит Нуржигит NURZHIGIT NURJIGIT
Санжар Санжар SANZHAR SANJAR
Таалай Таалай TAALAI TAALAY
Урмат Урмат URMAT -
Чолпонбек Чолпонбек CHOLPONBEK -
Эркин Эркин ERKIN -
Асылбек Асылбек ASYLBEK -
Бекболот Бекболот BEKBOLOT -
Жолдош Жолдош ZHOLDOSH JOLDOSH
Кайрат Кайрат KAIRAT KAYRAT
Марат Марат MARAT -
Нурдин Нурдин NURDIN -
Садыр Садыр SADYR -
Торобек Торобек TOROBEK -
Улукбек Улукбек ULUKBEK -
Ырыс Ырыс YRYS -
Абдыкадыр Абдыкадыр ABDYKADYR -
Алибек Алибек ALIBEK -
Дастан Дастан DASTAN -
Элдияр Элдияр ELDIIAR ELDIYAR
Сүйүнбек Суюнбек SUIUNBEK SUYUNBEK
Азиз Азиз AZIZ -
Байэл Байэл BAIEL BAYEL
Мырзабек Мырзабек MYRZABEK -
Курманбек Курманбек KURMANBEK -
Арстанбек Арстанбек ARSTANBEK -
"""

_KGZ_FEMALE = """
Айгүл Айгуль AIGUL AYGUL
Айжан Айжан AIZHAN AYJAN
Гүлнара Гульнара GULNARA -
Жылдыз Жылдыз ZHYLDYZ JYLDYZ
Нургүл Нургуль NURGUL -
Асел Асель ASEL -
Бермет Бермет BERMET -
Чолпон Чолпон CHOLPON -
Айпери Айпери AIPERI AYPERI
Мээрим Мээрим MEERIM -
Назгүл Назгуль NAZGUL -
Динара Динара DINARA -
Жибек Жибек ZHIBEK JIBEK
Айдана Айдана AIDANA AYDANA
Гүлзат Гульзат GULZAT -
Элмира Эльмира ELMIRA -
Акылай Акылай AKYLAI AKYLAY
Бурулай Бурулай BURULAI BURULAY
Нуриза Нуриза NURIZA -
Салтанат Салтанат SALTANAT -
Толгонай Толгонай TOLGONAI TOLGONAY
Азиза Азиза AZIZA -
Каныкей Каныкей KANYKEI KANYKEY
Сезим Сезим SEZIM -
Алтынай Алтынай ALTYNAI ALTYNAY
Бактыгүл Бактыгуль BAKTYGUL -
Гүлмира Гульмира GULMIRA -
Жазгүл Жазгуль ZHAZGUL JAZGUL
Чынара Чынара CHYNARA -
Аида Аида AIDA -
"""

_KAZ_SURNAMES = """
Ахметов Ахметов AKHMETOV AHMETOV
Омаров Омаров OMAROV -
Әбдірахманов Абдрахманов ABDIRAKHMANOV ABDRAKHMANOV
Сейтқалиев Сейткалиев SEITKALIEV SEYTKALIEV
Нұрланов Нурланов NURLANOV -
Жақсылықов Жаксылыков ZHAKSYLYKOV JAKSYLYKOV
Серікбаев Серикбаев SERIKBAEV -
Бекмұхамбетов Бекмухамбетов BEKMUKHAMBETOV -
Сағынтаев Сагинтаев SAGYNTAEV SAGINTAEV
Оспанов Оспанов OSPANOV -
Жұмабаев Жумабаев ZHUMABAEV JUMABAEV
Қасымов Касымов KASYMOV QASYMOV
Тоқаев Токаев TOKAEV TOQAEV
Әлиев Алиев ALIEV -
Исаев Исаев ISAEV -
Бейсенов Бейсенов BEISENOV BEYSENOV
Мұратов Муратов MURATOV -
Сұлтанов Султанов SULTANOV -
Қайратов Кайратов KAIRATOV QAIRATOV
Байжанов Байжанов BAIZHANOV BAYZHANOV
Есенов Есенов YESENOV ESENOV
Әбілов Абилов ABILOV -
Кенжебеков Кенжебеков KENZHEBEKOV KENJEBEKOV
Нұрғалиев Нургалиев NURGALIEV -
Смағұлов Смагулов SMAGULOV -
Төлеуов Толеуов TOLEUOV -
Қуанышев Куанышев KUANYSHEV -
Мұхамедов Мухамедов MUKHAMEDOV MUHAMEDOV
Ержанов Ержанов YERZHANOV ERZHANOV
Асқаров Аскаров ASKAROV -
=Цой Цой TSOI TCOI
=Ким Ким KIM -
=Пак Пак PAK -
Иманбаев Иманбаев IMANBAEV -
Дәулетов Даулетов DAULETOV -
Ыбыраев Ибраев YBYRAEV IBRAEV
Мамыров Мамыров MAMYROV -
Бекенов Бекенов BEKENOV -
Жүнісов Жунусов ZHUNISOV ZHUNUSOV
Қожахметов Кожахметов KOZHAKHMETOV -
Рахымов Рахимов RAKHYMOV RAKHIMOV
Сәрсенбаев Сарсенбаев SARSENBAEV -
Тұрсынов Турсунов TURSYNOV TURSUNOV
Ұзақов Узаков UZAKOV -
Шәкенов Шакенов SHAKENOV -
Әміров Амиров AMIROV -
Бақытов Бакытов BAKYTOV -
Жұмағұлов Жумагулов ZHUMAGULOV -
Нұрпейісов Нурпеисов NURPEISOV -
Оразов Оразов ORAZOV -
Сәтбаев Сатпаев SATBAEV SATPAEV
Теміров Темиров TEMIROV -
Құнанбаев Кунанбаев KUNANBAEV -
Әлімжанов Алимжанов ALIMZHANOV -
Байтұрсынов Байтурсынов BAITURSYNOV -
Мұсабаев Мусабаев MUSABAEV -
Жексенбаев Жексенбаев ZHEKSENBAEV -
Абаев Абаев ABAEV -
Дүйсенов Дуйсенов DUISENOV DUYSENOV
Құрманов Курманов KURMANOV -
"""

_KAZ_MALE = """
Нұрлан Нурлан NURLAN -
Ерлан Ерлан YERLAN ERLAN
Асқар Аскар ASKAR -
Ержан Ержан YERZHAN ERZHAN
Серік Серик SERIK -
Қайрат Кайрат KAIRAT QAIRAT
Айдос Айдос AIDOS AYDOS
Дәурен Даурен DAUREN -
Бауыржан Бауыржан BAUYRZHAN BAURZHAN
Ернар Ернар YERNAR ERNAR
Арман Арман ARMAN -
Мұрат Мурат MURAT -
Нұржан Нуржан NURZHAN -
Санжар Санжар SANZHAR SANJAR
Әлібек Алибек ALIBEK -
Талғат Талгат TALGAT -
Бекзат Бекзат BEKZAT -
Ғалым Галым GALYM -
Дархан Дархан DARKHAN DARHAN
Ерболат Ерболат YERBOLAT ERBOLAT
Жандос Жандос ZHANDOS JANDOS
Мақсат Максат MAKSAT -
Нұрсұлтан Нурсултан NURSULTAN -
Олжас Олжас OLZHAS OLJAS
Руслан Руслан RUSLAN -
Тимур Тимур TIMUR -
Ақжол Акжол AKZHOL AKJOL
Бақытжан Бакытжан BAKYTZHAN -
Дамир Дамир DAMIR -
Ерасыл Ерасыл YERASYL ERASYL
Жанат Жанат ZHANAT JANAT
Қанат Канат KANAT QANAT
Медет Медет MEDET -
Нұрбол Нурбол NURBOL -
Саят Саят SAYAT SAIAT
Азамат Азамат AZAMAT -
Данияр Данияр DANIYAR DANIIAR
Ілияс Ильяс ILIYAS ILIAS
Ринат Ринат RINAT -
Әділет Адилет ADILET -
"""

_KAZ_FEMALE = """
Айгүл Айгуль AIGUL AYGUL
Жанар Жанар ZHANAR JANAR
Гүлнар Гульнар GULNAR -
Әсел Асель ASEL ASSEL
Динара Динара DINARA -
Мәдина Мадина MADINA -
Ақмарал Акмарал AKMARAL -
Аружан Аружан ARUZHAN ARUJAN
Салтанат Салтанат SALTANAT -
Айжан Айжан AIZHAN AYZHAN
Жұлдыз Жулдыз ZHULDYZ JULDYZ
Гүлмира Гульмира GULMIRA -
Назерке Назерке NAZERKE -
Дана Дана DANA -
Камила Камила KAMILA -
Сәуле Сауле SAULE -
Томирис Томирис TOMIRIS -
Ләззат Ляззат LAZZAT LIAZZAT
Айнұр Айнур AINUR AYNUR
Меруерт Меруерт MERUERT -
Балжан Балжан BALZHAN BALJAN
Әйгерім Айгерим AIGERIM AYGERIM
Ботагөз Ботагоз BOTAGOZ -
Гауһар Гаухар GAUHAR GAUKHAR
Жансая Жансая ZHANSAYA ZHANSAIA
"""

_AZE_SURNAMES = """
Məmmədov Мамедов MAMMADOV MAMEDOV
Əliyev Алиев ALIYEV ALIEV
Hüseynov Гусейнов HUSEYNOV GUSEINOV
Həsənov Гасанов HASANOV GASANOV
Quliyev Кулиев QULIYEV KULIEV
İsmayılov Исмаилов ISMAYILOV ISMAILOV
Abdullayev Абдуллаев ABDULLAYEV ABDULLAEV
Rzayev Рзаев RZAYEV RZAEV
Cəfərov Джафаров CAFAROV DZHAFAROV
Süleymanov Сулейманов SULEYMANOV SULEIMANOV
Mustafayev Мустафаев MUSTAFAYEV MUSTAFAEV
Əhmədov Ахмедов AHMADOV AKHMEDOV
Qasımov Касымов QASIMOV KASYMOV
Kərimov Керимов KARIMOV KERIMOV
Bağırov Багиров BAGIROV -
Vəliyev Велиев VALIYEV VELIEV
Nəbiyev Набиев NABIYEV NABIEV
Orucov Оруджев ORUCOV ORUDZHEV
Səfərov Сафаров SAFAROV -
Rəhimov Рагимов RAHIMOV RAGIMOV
Əsgərov Аскеров ASGAROV ASKEROV
Məhərrəmov Магеррамов MAHARRAMOV MAGERRAMOV
Novruzov Новрузов NOVRUZOV -
Şükürov Шукюров SUKUROV SHUKIUROV
Zeynalov Зейналов ZEYNALOV ZEINALOV
Nağıyev Нагиев NAGIYEV NAGIEV
Hacıyev Гаджиев HACIYEV GADZHIEV
Rüstəmov Рустамов RUSTAMOV -
İbrahimov Ибрагимов IBRAHIMOV IBRAGIMOV
=Məmmədli Мамедли MAMMADLI MAMEDLI
Qurbanov Курбанов QURBANOV KURBANOV
Tağıyev Тагиев TAGIYEV TAGIEV
Sadıqov Садыков SADIQOV SADYKOV
=Həsənli Гасанлы HASANLI GASANLY
Musayev Мусаев MUSAYEV MUSAEV
Paşayev Пашаев PASAYEV PASHAEV
Xəlilov Халилов XALILOV KHALILOV
Nəsibov Насибов NASIBOV -
Əzizov Азизов AZIZOV -
Bayramov Байрамов BAYRAMOV BAIRAMOV
Fərzəliyev Фарзалиев FARZALIYEV FARZALIEV
Hümbətov Гумбатов HUMBATOV GUMBATOV
Seyidov Сеидов SEYIDOV SEIDOV
Yusifov Юсифов YUSIFOV IUSIFOV
Abbasov Аббасов ABBASOV -
Cavadov Джавадов CAVADOV DZHAVADOV
İmanov Иманов IMANOV -
Kazımov Казымов KAZIMOV KAZYMOV
Mehdiyev Мехтиев MEHDIYEV MEKHTIEV
Əsədov Асадов ASADOV -
Heydərov Гейдаров HEYDAROV GEIDAROV
Salmanov Салманов SALMANOV -
Camalov Джамалов CAMALOV DZHAMALOV
Ağayev Агаев AGAYEV AGAEV
Əmirov Амиров AMIROV -
Nuriyev Нуриев NURIYEV NURIEV
Osmanov Османов OSMANOV -
Rəsulov Расулов RASULOV -
Vəzirov Везиров VAZIROV VEZIROV
Yaqubov Ягубов YAQUBOV IAGUBOV
"""

_AZE_MALE = """
Elvin Эльвин ELVIN -
Orxan Орхан ORXAN ORKHAN
Rəşad Рашад RASAD RASHAD
Elçin Эльчин ELCIN ELCHIN
Tural Турал TURAL -
Kamran Камран KAMRAN -
Anar Анар ANAR -
Vüqar Вугар VUQAR VUGAR
Ramil Рамиль RAMIL -
Elnur Эльнур ELNUR -
Fərid Фарид FARID -
Rəşid Рашид RASID RASHID
Nicat Ниджат NICAT NIDZHAT
Məmməd Мамед MAMMAD MAMED
Əli Али ALI -
Hüseyn Гусейн HUSEYN GUSEIN
Həsən Гасан HASAN GASAN
Cavid Джавид CAVID DZHAVID
Emin Эмин EMIN -
Fuad Фуад FUAD -
İlqar Ильгар ILQAR ILGAR
Kənan Кенан KANAN KENAN
Mübariz Мубариз MUBARIZ -
Namiq Намик NAMIQ NAMIK
Ruslan Руслан RUSLAN -
Samir Самир SAMIR -
Toğrul Тогрул TOGRUL -
Ülvi Ульви ULVI -
Zaur Заур ZAUR -
Şahin Шахин SAHIN SHAKHIN
Rövşən Ровшан ROVSAN ROVSHAN
Vüsal Вусал VUSAL -
Xəyal Хаял XAYAL KHAIAL
Elşən Эльшан ELSAN ELSHAN
Aydın Айдын AYDIN AIDYN
Babək Бабек BABAK BABEK
Cəlal Джалал CALAL DZHALAL
Natiq Натик NATIQ NATIK
Səbuhi Сабухи SABUHI SABUKHI
Teymur Теймур TEYMUR TEIMUR
"""

_AZE_FEMALE = """
Aynur Айнур AYNUR AINUR
Günay Гюнай GUNAY GIUNAI
Leyla Лейла LEYLA LEILA
Sevinc Севиндж SEVINC SEVINDZH
Nərmin Нармин NARMIN -
Aygün Айгюн AYGUN AIGIUN
Ülviyyə Ульвия ULVIYYA ULVIIA
Gülnar Гюльнар GULNAR GIULNAR
Səbinə Сабина SABINA -
Könül Кёнуль KONUL KENUL
Lalə Лала LALA -
Nigar Нигяр NIGAR NIGIAR
Türkan Туркан TURKAN -
Aysel Айсель AYSEL AISEL
Fidan Фидан FIDAN -
Günel Гюнель GUNEL GIUNEL
Nərgiz Наргиз NARGIZ -
Şəbnəm Шабнам SABNAM SHABNAM
Xədicə Хадиджа XADICA KHADIDZHA
Zərifə Зарифа ZARIFA -
Məleykə Малейка MALEYKA MALEIKA
Vüsalə Вусала VUSALA -
Səidə Саида SAIDA -
İlahə Илаха ILAHA ILAKHA
Rəna Рена RANA RENA
"""

_SOURCES: dict[str, tuple[str, str, str]] = {
    "TJK": (_TJK_SURNAMES, _TJK_MALE, _TJK_FEMALE),
    "UZB": (_UZB_SURNAMES, _UZB_MALE, _UZB_FEMALE),
    "KGZ": (_KGZ_SURNAMES, _KGZ_MALE, _KGZ_FEMALE),
    "KAZ": (_KAZ_SURNAMES, _KAZ_MALE, _KAZ_FEMALE),
    "AZE": (_AZE_SURNAMES, _AZE_MALE, _AZE_FEMALE),
}

# The script each origin writes its own citizens' names in.
NATIVE_SCRIPTS: dict[str, str] = {
    "TJK": "Tajik Cyrillic",
    "UZB": "Uzbek Latin",
    "KGZ": "Kyrgyz Cyrillic",
    "KAZ": "Kazakh Cyrillic",
    "AZE": "Azerbaijani Latin",
}

# Rank r (0 = most common) gets weight 1 / (r + 4): the first name of a list is carried by
# about one person in ten, so that namesakes are as frequent as they are in the region.
_RANK_OFFSET = 4
_UNSAFE = re.compile('[,;"]')  # names are written into CSV files unquoted


@dataclass(frozen=True, slots=True)
class WrittenName:
    """One name in all the forms registries write it in."""

    native: str
    russian: str
    passport: str
    passport_alt: str
    invariable: bool = False

    def feminine(self) -> WrittenName:
        """The feminine form of a surname (-ова, -ova, -OVA); invariable surnames stay."""
        if self.invariable:
            return self
        return WrittenName(
            self.native + ("a" if self.native[-1].isascii() else "а"),
            self.russian + "а",
            self.passport + "A",
            self.passport_alt + "A",
        )


@dataclass(frozen=True, slots=True)
class NameGroup:
    """The names of one nationality, most common first, with cumulative rank weights."""

    nationality: str
    surnames: tuple[WrittenName, ...]
    male: tuple[WrittenName, ...]
    female: tuple[WrittenName, ...]
    surname_weights: tuple[float, ...]
    male_weights: tuple[float, ...]
    female_weights: tuple[float, ...]


def parse_names(text: str) -> tuple[WrittenName, ...]:
    """Names from corpus lines `native russian passport passport_alt` (`-`: as passport)."""
    names = []
    for line in text.strip().splitlines():
        if _UNSAFE.search(line):
            raise ValueError(f"a name may not hold a comma, quote or semicolon: {line!r}")
        native, russian, passport, alt = line.split()
        invariable = native.startswith("=")
        names.append(
            WrittenName(
                native.removeprefix("="),
                russian,
                passport,
                passport if alt == "-" else alt,
                invariable,
            )
        )
    return tuple(names)


def rank_weights(count: int) -> tuple[float, ...]:
    """Cumulative weights 1/(rank + 4) for a list of `count` names."""
    total = 0.0
    out = []
    for rank in range(count):
        total += 1.0 / (rank + _RANK_OFFSET)
        out.append(total)
    return tuple(out)


@cache
def load_name_group(nationality: str) -> NameGroup:
    """The name group of an origin (TJK, UZB, KGZ, KAZ, AZE)."""
    surnames, male, female = (parse_names(t) for t in _SOURCES[nationality])
    return NameGroup(
        nationality,
        surnames,
        male,
        female,
        rank_weights(len(surnames)),
        rank_weights(len(male)),
        rank_weights(len(female)),
    )


def list_nationalities() -> tuple[str, ...]:
    """The nationalities the corpus has names for."""
    return tuple(_SOURCES)
