//! Letters that look like Latin letters: a compact skeleton table in the spirit of Unicode's
//! confusables data, used by [`super::normalize`].

/// Stands for "i or l" after folding (the matcher tries both).
pub const WILD: char = '*';

/// Letters from other scripts (and Latin variants NFKD leaves alone) that look like a Latin
/// letter, sorted by code point. Derived from Unicode's confusables.txt (letters of the
/// Latin, Greek, Cyrillic, Armenian, Cherokee, Coptic and Lisu scripts whose skeleton is one
/// Latin letter), plus small capitals and stroked letters. `l` targets look like `I` or `l`
/// and fold to the i-or-l wildcard.
pub(super) const CONFUSABLES: &[(char, char)] = &[
    ('\u{00D8}', 'o'),  // Ø latin capital letter o with stroke (manual)
    ('\u{00F8}', 'o'),  // ø latin small letter o with stroke (manual)
    ('\u{0110}', 'd'),  // Đ latin capital letter d with stroke (manual)
    ('\u{0111}', 'd'),  // đ latin small letter d with stroke (manual)
    ('\u{0126}', 'h'),  // Ħ latin capital letter h with stroke (manual)
    ('\u{0127}', 'h'),  // ħ latin small letter h with stroke (manual)
    ('\u{0131}', 'i'),  // ı latin small letter dotless i
    ('\u{0138}', 'k'),  // ĸ latin small letter kra (manual)
    ('\u{0141}', WILD), // Ł latin capital letter l with stroke (manual)
    ('\u{0142}', WILD), // ł latin small letter l with stroke (manual)
    ('\u{014A}', 'n'),  // Ŋ latin capital letter eng (manual)
    ('\u{014B}', 'n'),  // ŋ latin small letter eng (manual)
    ('\u{0166}', 't'),  // Ŧ latin capital letter t with stroke (manual)
    ('\u{0167}', 't'),  // ŧ latin small letter t with stroke (manual)
    ('\u{0180}', 'b'),  // ƀ latin small letter b with stroke (manual)
    ('\u{0184}', 'b'),  // Ƅ latin capital letter tone six
    ('\u{0188}', 'c'),  // ƈ latin small letter c with hook (manual)
    ('\u{018D}', 'g'),  // ƍ latin small letter turned delta
    ('\u{0192}', 'f'),  // ƒ latin small letter f with hook (manual)
    ('\u{0196}', WILD), // Ɩ latin capital letter iota
    ('\u{0197}', 'i'),  // Ɨ latin capital letter i with stroke (manual)
    ('\u{0199}', 'k'),  // ƙ latin small letter k with hook (manual)
    ('\u{01A5}', 'p'),  // ƥ latin small letter p with hook (manual)
    ('\u{01A6}', 'r'),  // Ʀ latin letter yr
    ('\u{01AD}', 't'),  // ƭ latin small letter t with hook (manual)
    ('\u{01B5}', 'z'),  // Ƶ latin capital letter z with stroke (manual)
    ('\u{01B6}', 'z'),  // ƶ latin small letter z with stroke (manual)
    ('\u{01BD}', 's'),  // ƽ latin small letter tone five
    ('\u{01C0}', WILD), // ǀ latin letter dental click
    ('\u{01E4}', 'g'),  // Ǥ latin capital letter g with stroke (manual)
    ('\u{01E5}', 'g'),  // ǥ latin small letter g with stroke (manual)
    ('\u{0225}', 'z'),  // ȥ latin small letter z with hook (manual)
    ('\u{0237}', 'j'),  // ȷ latin small letter dotless j (manual)
    ('\u{0240}', 'z'),  // ɀ latin small letter z with swash tail (manual)
    ('\u{0243}', 'b'),  // Ƀ latin capital letter b with stroke (manual)
    ('\u{0244}', 'u'),  // Ʉ latin capital letter u bar (manual)
    ('\u{0246}', 'e'),  // Ɇ latin capital letter e with stroke (manual)
    ('\u{0247}', 'e'),  // ɇ latin small letter e with stroke (manual)
    ('\u{0248}', 'j'),  // Ɉ latin capital letter j with stroke (manual)
    ('\u{0249}', 'j'),  // ɉ latin small letter j with stroke (manual)
    ('\u{024C}', 'r'),  // Ɍ latin capital letter r with stroke (manual)
    ('\u{024D}', 'r'),  // ɍ latin small letter r with stroke (manual)
    ('\u{024E}', 'y'),  // Ɏ latin capital letter y with stroke (manual)
    ('\u{024F}', 'y'),  // ɏ latin small letter y with stroke (manual)
    ('\u{0251}', 'a'),  // ɑ latin small letter alpha
    ('\u{0253}', 'b'),  // ɓ latin small letter b with hook (manual)
    ('\u{0257}', 'd'),  // ɗ latin small letter d with hook (manual)
    ('\u{025B}', 'e'),  // ɛ latin small letter open e (manual)
    ('\u{0260}', 'g'),  // ɠ latin small letter g with hook (manual)
    ('\u{0261}', 'g'),  // ɡ latin small letter script g
    ('\u{0262}', 'g'),  // ɢ latin letter small capital g (manual)
    ('\u{0263}', 'y'),  // ɣ latin small letter gamma
    ('\u{0266}', 'h'),  // ɦ latin small letter h with hook (manual)
    ('\u{0268}', 'i'),  // ɨ latin small letter i with stroke (manual)
    ('\u{0269}', 'i'),  // ɩ latin small letter iota
    ('\u{026A}', 'i'),  // ɪ latin letter small capital i
    ('\u{026F}', 'w'),  // ɯ latin small letter turned m
    ('\u{0271}', 'm'),  // ɱ latin small letter m with hook (manual)
    ('\u{0272}', 'n'),  // ɲ latin small letter n with left hook (manual)
    ('\u{0273}', 'n'),  // ɳ latin small letter n with retroflex hook (manual)
    ('\u{0274}', 'n'),  // ɴ latin letter small capital n (manual)
    ('\u{027D}', 'r'),  // ɽ latin small letter r with tail (manual)
    ('\u{0280}', 'r'),  // ʀ latin letter small capital r (manual)
    ('\u{0282}', 's'),  // ʂ latin small letter s with hook (manual)
    ('\u{0288}', 't'),  // ʈ latin small letter t with retroflex hook (manual)
    ('\u{0289}', 'u'),  // ʉ latin small letter u bar (manual)
    ('\u{028B}', 'u'),  // ʋ latin small letter v with hook
    ('\u{028F}', 'y'),  // ʏ latin letter small capital y
    ('\u{0290}', 'z'),  // ʐ latin small letter z with retroflex hook (manual)
    ('\u{0299}', 'b'),  // ʙ latin letter small capital b (manual)
    ('\u{029C}', 'h'),  // ʜ latin letter small capital h (manual)
    ('\u{029F}', WILD), // ʟ latin letter small capital l (manual)
    ('\u{02A0}', 'q'),  // ʠ latin small letter q with hook (manual)
    ('\u{037A}', 'i'),  // ͺ greek ypogegrammeni
    ('\u{037F}', 'j'),  // Ϳ greek capital letter yot
    ('\u{0391}', 'a'),  // Α greek capital letter alpha
    ('\u{0392}', 'b'),  // Β greek capital letter beta
    ('\u{0395}', 'e'),  // Ε greek capital letter epsilon
    ('\u{0396}', 'z'),  // Ζ greek capital letter zeta
    ('\u{0397}', 'h'),  // Η greek capital letter eta
    ('\u{0399}', WILD), // Ι greek capital letter iota
    ('\u{039A}', 'k'),  // Κ greek capital letter kappa
    ('\u{039C}', 'm'),  // Μ greek capital letter mu
    ('\u{039D}', 'n'),  // Ν greek capital letter nu
    ('\u{039F}', 'o'),  // Ο greek capital letter omicron
    ('\u{03A1}', 'p'),  // Ρ greek capital letter rho
    ('\u{03A4}', 't'),  // Τ greek capital letter tau
    ('\u{03A5}', 'y'),  // Υ greek capital letter upsilon
    ('\u{03A7}', 'x'),  // Χ greek capital letter chi
    ('\u{03B1}', 'a'),  // α greek small letter alpha
    ('\u{03B2}', 'b'),  // β greek small letter beta (manual)
    ('\u{03B3}', 'y'),  // γ greek small letter gamma
    ('\u{03B5}', 'e'),  // ε greek small letter epsilon (manual)
    ('\u{03B7}', 'n'),  // η greek small letter eta (manual)
    ('\u{03B9}', 'i'),  // ι greek small letter iota
    ('\u{03BA}', 'k'),  // κ greek small letter kappa (manual)
    ('\u{03BC}', 'u'),  // μ greek small letter mu (manual)
    ('\u{03BD}', 'v'),  // ν greek small letter nu
    ('\u{03BF}', 'o'),  // ο greek small letter omicron
    ('\u{03C1}', 'p'),  // ρ greek small letter rho
    ('\u{03C3}', 'o'),  // σ greek small letter sigma
    ('\u{03C4}', 't'),  // τ greek small letter tau (manual)
    ('\u{03C5}', 'u'),  // υ greek small letter upsilon
    ('\u{03C7}', 'x'),  // χ greek small letter chi (manual)
    ('\u{03C9}', 'w'),  // ω greek small letter omega (manual)
    ('\u{03D2}', 'y'),  // ϒ greek upsilon with hook symbol
    ('\u{03DC}', 'f'),  // Ϝ greek letter digamma
    ('\u{03F1}', 'p'),  // ϱ greek rho symbol
    ('\u{03F2}', 'c'),  // ϲ greek lunate sigma symbol
    ('\u{03F3}', 'j'),  // ϳ greek letter yot
    ('\u{03F9}', 'c'),  // Ϲ greek capital lunate sigma symbol
    ('\u{03FA}', 'm'),  // Ϻ greek capital letter san
    ('\u{0405}', 's'),  // Ѕ cyrillic capital letter dze
    ('\u{0406}', WILD), // І cyrillic capital letter byelorussian-ukrainian i
    ('\u{0408}', 'j'),  // Ј cyrillic capital letter je
    ('\u{0410}', 'a'),  // А cyrillic capital letter a
    ('\u{0412}', 'b'),  // В cyrillic capital letter ve
    ('\u{0415}', 'e'),  // Е cyrillic capital letter ie
    ('\u{041A}', 'k'),  // К cyrillic capital letter ka
    ('\u{041C}', 'm'),  // М cyrillic capital letter em
    ('\u{041D}', 'h'),  // Н cyrillic capital letter en
    ('\u{041E}', 'o'),  // О cyrillic capital letter o
    ('\u{0420}', 'p'),  // Р cyrillic capital letter er
    ('\u{0421}', 'c'),  // С cyrillic capital letter es
    ('\u{0422}', 't'),  // Т cyrillic capital letter te
    ('\u{0423}', 'y'),  // У cyrillic capital letter u
    ('\u{0425}', 'x'),  // Х cyrillic capital letter ha
    ('\u{042C}', 'b'),  // Ь cyrillic capital letter soft sign
    ('\u{0430}', 'a'),  // а cyrillic small letter a
    ('\u{0432}', 'b'),  // в cyrillic small letter ve (manual)
    ('\u{0433}', 'r'),  // г cyrillic small letter ghe
    ('\u{0435}', 'e'),  // е cyrillic small letter ie
    ('\u{043A}', 'k'),  // к cyrillic small letter ka (manual)
    ('\u{043C}', 'm'),  // м cyrillic small letter em (manual)
    ('\u{043D}', 'h'),  // н cyrillic small letter en (manual)
    ('\u{043E}', 'o'),  // о cyrillic small letter o
    ('\u{043F}', 'n'),  // п cyrillic small letter pe (manual)
    ('\u{0440}', 'p'),  // р cyrillic small letter er
    ('\u{0441}', 'c'),  // с cyrillic small letter es
    ('\u{0442}', 't'),  // т cyrillic small letter te (manual)
    ('\u{0443}', 'y'),  // у cyrillic small letter u
    ('\u{0445}', 'x'),  // х cyrillic small letter ha
    ('\u{044C}', 'b'),  // ь cyrillic small letter soft sign (manual)
    ('\u{0455}', 's'),  // ѕ cyrillic small letter dze
    ('\u{0456}', 'i'),  // і cyrillic small letter byelorussian-ukrainian i
    ('\u{0458}', 'j'),  // ј cyrillic small letter je
    ('\u{0461}', 'w'),  // ѡ cyrillic small letter omega
    ('\u{0474}', 'v'),  // Ѵ cyrillic capital letter izhitsa
    ('\u{0475}', 'v'),  // ѵ cyrillic small letter izhitsa
    ('\u{049B}', 'k'),  // қ cyrillic small letter ka with descender (manual)
    ('\u{04A1}', 'k'),  // ҡ cyrillic small letter bashkir ka (manual)
    ('\u{04AE}', 'y'),  // Ү cyrillic capital letter straight u
    ('\u{04AF}', 'y'),  // ү cyrillic small letter straight u
    ('\u{04B1}', 'y'),  // ұ cyrillic small letter straight u with stroke (manual)
    ('\u{04BB}', 'h'),  // һ cyrillic small letter shha
    ('\u{04BD}', 'e'),  // ҽ cyrillic small letter abkhasian che
    ('\u{04C0}', WILD), // Ӏ cyrillic letter palochka
    ('\u{04CF}', 'i'),  // ӏ cyrillic small letter palochka
    ('\u{0501}', 'd'),  // ԁ cyrillic small letter komi de
    ('\u{050C}', 'g'),  // Ԍ cyrillic capital letter komi sje
    ('\u{050D}', 'g'),  // ԍ cyrillic small letter komi sje (manual)
    ('\u{051B}', 'q'),  // ԛ cyrillic small letter qa
    ('\u{051C}', 'w'),  // Ԝ cyrillic capital letter we
    ('\u{051D}', 'w'),  // ԝ cyrillic small letter we
    ('\u{053C}', WILD), // Լ armenian capital letter liwn (manual)
    ('\u{0548}', 'n'),  // Ո armenian capital letter vo (manual)
    ('\u{054D}', 'u'),  // Ս armenian capital letter seh
    ('\u{054F}', 's'),  // Տ armenian capital letter tiwn
    ('\u{0555}', 'o'),  // Օ armenian capital letter oh
    ('\u{0561}', 'w'),  // ա armenian small letter ayb
    ('\u{0563}', 'q'),  // գ armenian small letter gim
    ('\u{0566}', 'q'),  // զ armenian small letter za
    ('\u{056C}', WILD), // լ armenian small letter liwn (manual)
    ('\u{0570}', 'h'),  // հ armenian small letter ho
    ('\u{0578}', 'n'),  // ո armenian small letter vo
    ('\u{057C}', 'n'),  // ռ armenian small letter ra
    ('\u{057D}', 'u'),  // ս armenian small letter seh
    ('\u{0581}', 'g'),  // ց armenian small letter co
    ('\u{0584}', 'f'),  // ք armenian small letter keh
    ('\u{0585}', 'o'),  // օ armenian small letter oh
    ('\u{13A0}', 'd'),  // Ꭰ cherokee letter a
    ('\u{13A1}', 'r'),  // Ꭱ cherokee letter e
    ('\u{13A2}', 't'),  // Ꭲ cherokee letter i
    ('\u{13A5}', 'i'),  // Ꭵ cherokee letter v
    ('\u{13A9}', 'y'),  // Ꭹ cherokee letter gi
    ('\u{13AA}', 'a'),  // Ꭺ cherokee letter go
    ('\u{13AB}', 'j'),  // Ꭻ cherokee letter gu
    ('\u{13AC}', 'e'),  // Ꭼ cherokee letter gv
    ('\u{13B3}', 'w'),  // Ꮃ cherokee letter la
    ('\u{13B7}', 'm'),  // Ꮇ cherokee letter lu
    ('\u{13BB}', 'h'),  // Ꮋ cherokee letter mi
    ('\u{13BD}', 'y'),  // Ꮍ cherokee letter mu
    ('\u{13C0}', 'g'),  // Ꮐ cherokee letter nah
    ('\u{13C2}', 'h'),  // Ꮒ cherokee letter ni
    ('\u{13C3}', 'z'),  // Ꮓ cherokee letter no
    ('\u{13CF}', 'b'),  // Ꮟ cherokee letter si
    ('\u{13D2}', 'r'),  // Ꮢ cherokee letter sv
    ('\u{13D4}', 'w'),  // Ꮤ cherokee letter ta
    ('\u{13D5}', 's'),  // Ꮥ cherokee letter de
    ('\u{13D9}', 'v'),  // Ꮩ cherokee letter do
    ('\u{13DA}', 's'),  // Ꮪ cherokee letter du
    ('\u{13DE}', WILD), // Ꮮ cherokee letter tle
    ('\u{13DF}', 'c'),  // Ꮯ cherokee letter tli
    ('\u{13E2}', 'p'),  // Ꮲ cherokee letter tlv
    ('\u{13E6}', 'k'),  // Ꮶ cherokee letter tso
    ('\u{13E7}', 'd'),  // Ꮷ cherokee letter tsu
    ('\u{13F3}', 'g'),  // Ᏻ cherokee letter yu
    ('\u{13F4}', 'b'),  // Ᏼ cherokee letter yv
    ('\u{1D00}', 'a'),  // ᴀ latin letter small capital a (manual)
    ('\u{1D04}', 'c'),  // ᴄ latin letter small capital c
    ('\u{1D05}', 'd'),  // ᴅ latin letter small capital d (manual)
    ('\u{1D07}', 'e'),  // ᴇ latin letter small capital e (manual)
    ('\u{1D0A}', 'j'),  // ᴊ latin letter small capital j (manual)
    ('\u{1D0B}', 'k'),  // ᴋ latin letter small capital k (manual)
    ('\u{1D0D}', 'm'),  // ᴍ latin letter small capital m (manual)
    ('\u{1D0F}', 'o'),  // ᴏ latin letter small capital o
    ('\u{1D11}', 'o'),  // ᴑ latin small letter sideways o
    ('\u{1D18}', 'p'),  // ᴘ latin letter small capital p (manual)
    ('\u{1D1B}', 't'),  // ᴛ latin letter small capital t (manual)
    ('\u{1D1C}', 'u'),  // ᴜ latin letter small capital u
    ('\u{1D20}', 'v'),  // ᴠ latin letter small capital v
    ('\u{1D21}', 'w'),  // ᴡ latin letter small capital w
    ('\u{1D22}', 'z'),  // ᴢ latin letter small capital z
    ('\u{1D26}', 'r'),  // ᴦ greek letter small capital gamma
    ('\u{1D83}', 'g'),  // ᶃ latin small letter g with palatal hook
    ('\u{1D8C}', 'y'),  // ᶌ latin small letter v with palatal hook
    ('\u{1E9D}', 'f'),  // ẝ latin small letter long s with high stroke
    ('\u{1EFF}', 'y'),  // ỿ latin small letter y with loop
    ('\u{1FBE}', 'i'),  // ι greek prosgegrammeni
    ('\u{2C73}', 'w'),  // ⱳ latin small letter w with hook (manual)
    ('\u{2C85}', 'r'),  // ⲅ coptic small letter gamma
    ('\u{2C8E}', 'h'),  // Ⲏ coptic capital letter hate
    ('\u{2C92}', WILD), // Ⲓ coptic capital letter iauda
    ('\u{2C94}', 'k'),  // Ⲕ coptic capital letter kapa
    ('\u{2C98}', 'm'),  // Ⲙ coptic capital letter mi
    ('\u{2C9A}', 'n'),  // Ⲛ coptic capital letter ni
    ('\u{2C9E}', 'o'),  // Ⲟ coptic capital letter o
    ('\u{2C9F}', 'o'),  // ⲟ coptic small letter o
    ('\u{2CA2}', 'p'),  // Ⲣ coptic capital letter ro
    ('\u{2CA3}', 'p'),  // ⲣ coptic small letter ro
    ('\u{2CA4}', 'c'),  // Ⲥ coptic capital letter sima
    ('\u{2CA5}', 'c'),  // ⲥ coptic small letter sima
    ('\u{2CA6}', 't'),  // Ⲧ coptic capital letter tau
    ('\u{2CA8}', 'y'),  // Ⲩ coptic capital letter ua
    ('\u{2CAC}', 'x'),  // Ⲭ coptic capital letter khi
    ('\u{2CD0}', WILD), // Ⳑ coptic capital letter l-shaped ha
    ('\u{A4D0}', 'b'),  // ꓐ lisu letter ba
    ('\u{A4D1}', 'p'),  // ꓑ lisu letter pa
    ('\u{A4D2}', 'd'),  // ꓒ lisu letter pha
    ('\u{A4D3}', 'd'),  // ꓓ lisu letter da
    ('\u{A4D4}', 't'),  // ꓔ lisu letter ta
    ('\u{A4D6}', 'g'),  // ꓖ lisu letter ga
    ('\u{A4D7}', 'k'),  // ꓗ lisu letter ka
    ('\u{A4D9}', 'j'),  // ꓙ lisu letter ja
    ('\u{A4DA}', 'c'),  // ꓚ lisu letter ca
    ('\u{A4DC}', 'z'),  // ꓜ lisu letter dza
    ('\u{A4DD}', 'f'),  // ꓝ lisu letter tsa
    ('\u{A4DF}', 'm'),  // ꓟ lisu letter ma
    ('\u{A4E0}', 'n'),  // ꓠ lisu letter na
    ('\u{A4E1}', WILD), // ꓡ lisu letter la
    ('\u{A4E2}', 's'),  // ꓢ lisu letter sa
    ('\u{A4E3}', 'r'),  // ꓣ lisu letter zha
    ('\u{A4E6}', 'v'),  // ꓦ lisu letter ha
    ('\u{A4E7}', 'h'),  // ꓧ lisu letter xa
    ('\u{A4EA}', 'w'),  // ꓪ lisu letter wa
    ('\u{A4EB}', 'x'),  // ꓫ lisu letter sha
    ('\u{A4EC}', 'y'),  // ꓬ lisu letter ya
    ('\u{A4EE}', 'a'),  // ꓮ lisu letter a
    ('\u{A4F0}', 'e'),  // ꓰ lisu letter e
    ('\u{A4F2}', WILD), // ꓲ lisu letter i
    ('\u{A4F3}', 'o'),  // ꓳ lisu letter o
    ('\u{A4F4}', 'u'),  // ꓴ lisu letter u
    ('\u{A647}', 'i'),  // ꙇ cyrillic small letter iota
    ('\u{A730}', 'f'),  // ꜰ latin letter small capital f (manual)
    ('\u{A731}', 's'),  // ꜱ latin letter small capital s
    ('\u{A798}', 'f'),  // Ꞙ latin capital letter f with stroke
    ('\u{A799}', 'f'),  // ꞙ latin small letter f with stroke
    ('\u{A79F}', 'u'),  // ꞟ latin small letter volapuk ue
    ('\u{A7AF}', 'q'),  // ꞯ latin letter small capital q (manual)
    ('\u{A7B2}', 'j'),  // Ʝ latin capital letter j with crossed-tail
    ('\u{A7B3}', 'x'),  // Ꭓ latin capital letter chi
    ('\u{A7B4}', 'b'),  // Ꞵ latin capital letter beta
    ('\u{AB32}', 'e'),  // ꬲ latin small letter blackletter e
    ('\u{AB35}', 'f'),  // ꬵ latin small letter lenis f
    ('\u{AB3D}', 'o'),  // ꬽ latin small letter blackletter o
    ('\u{AB47}', 'r'),  // ꭇ latin small letter r without handle
    ('\u{AB48}', 'r'),  // ꭈ latin small letter double r
    ('\u{AB4E}', 'u'),  // ꭎ latin small letter u with short right leg
    ('\u{AB52}', 'u'),  // ꭒ latin small letter u with left hook
    ('\u{AB5A}', 'y'),  // ꭚ latin small letter y with short right leg
    ('\u{AB75}', 'i'),  // ꭵ cherokee small letter v
    ('\u{AB81}', 'r'),  // ꮁ cherokee small letter hu
    ('\u{AB83}', 'w'),  // ꮃ cherokee small letter la
    ('\u{AB93}', 'z'),  // ꮓ cherokee small letter no
    ('\u{ABA9}', 'v'),  // ꮩ cherokee small letter do
    ('\u{ABAA}', 's'),  // ꮪ cherokee small letter du
    ('\u{ABAF}', 'c'),  // ꮯ cherokee small letter tli
];

/// The Latin letter `c` looks like, if it is in the table.
pub(super) fn lookup(c: char) -> Option<char> {
    CONFUSABLES
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| CONFUSABLES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_maps_to_latin() {
        assert!(
            CONFUSABLES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no duplicates"
        );
        for &(c, l) in CONFUSABLES {
            assert!(!c.is_ascii(), "{c:?}");
            assert!(l == WILD || l.is_ascii_lowercase(), "{c:?} -> {l:?}");
        }
        assert_eq!(lookup('а'), Some('a'));
        assert_eq!(lookup('օ'), Some('o'));
        assert_eq!(lookup('Ꮪ'), Some('s'));
        assert_eq!(lookup('x'), None);
    }
}
