# Every spelling of one internationalised host gives one key, in A-labels:
# any case, composed or decomposed, full-width letters, ideographic and
# full-width dots, punycode in capitals. A host libidn2 refuses (a symbol,
# a label starting with "-") is kept as written, ASCII lowercased.
{ echo url; printf '%s\n' 'https://ПРИМЕР.рф/' 'https://пример.рф' 'ПрИмЕр.Рф/путь' \
    'https://пример。рф/' 'https://пример．рф' 'https://XN--E1AFMKFD.xn--p1ai/' \
    'https://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84/' \
    "https://$(printf 'bu\314\210cher').example/" 'https://BÜCHER.example/' \
    'https://faß.de/' 'https://ｔ．ｍｅ/Durov' 'https://I❤.WS/' 'https://-x.рф/' \
    'tg://socks?server=Пример.рф&port=1080'; } |
    normalize | cut -f 1,3,4
