//! Function words that may not begin or end a term candidate, per language.
//!
//! Short hand-made lists: articles, prepositions, conjunctions, pronouns, auxiliaries and the
//! commonest report verbs. A term may contain them inside («rule of law», «quyền của trẻ em»)
//! but never at its edges.

const EN: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "without", "as", "into", "onto", "over", "under", "about", "between", "through",
    "during", "after", "before", "since", "until", "within", "across", "against", "among", "per",
    "via", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "this", "that", "these", "those", "it", "its", "they", "them", "their", "we", "our", "us",
    "he", "she", "his", "her", "you", "your", "i", "my", "which", "who", "whom", "whose", "what",
    "when", "where", "why", "how", "also", "not", "no", "all", "any", "each", "every", "some",
    "such", "other", "more", "most", "than", "then", "so", "if", "there", "here", "very", "only",
    "both", "either", "well", "while", "whether", "new", "said", "says", "including", "include",
    "includes", "made", "make", "many", "much", "one", "two", "three", "first", "second",
    "further", "same", "up", "out",
];

const RU: &[&str] = &[
    "и", "в", "во", "не", "на", "с", "со", "по", "к", "ко", "о", "об", "обо", "от", "до", "из",
    "за", "для", "при", "через", "над", "под", "про", "без", "а", "но", "или", "либо", "что",
    "чтобы", "как", "так", "также", "это", "этот", "эта", "эти", "этого", "этой", "этих", "тот",
    "та", "те", "того", "был", "была", "были", "было", "быть", "будет", "будут", "есть", "его",
    "ее", "её", "их", "он", "она", "они", "оно", "мы", "вы", "я", "который", "которая", "которые",
    "которое", "которых", "которого", "которой", "свой", "своей", "своих", "свои", "все", "всех",
    "весь", "вся", "всё", "каждый", "уже", "ещё", "еще", "между", "более", "менее", "том", "ли",
    "же", "бы", "лишь", "только", "где", "когда", "если", "после", "также", "среди", "около",
];

const AR: &[&str] = &[
    "في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "ان", "أو", "او", "و", "ثم", "هذا",
    "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "اللذين", "التى", "كما", "قد", "لقد", "لا",
    "لم", "لن", "ما", "كل", "بين", "عند", "بعد", "قبل", "حتى", "كان", "كانت", "يكون", "تكون",
    "هو", "هي", "هم", "نحن", "أي", "أيضا", "أيضاً", "وقد", "وفي", "ومن", "الى", "خلال", "منذ",
    "حول", "ضد", "دون", "لدى", "لها", "له", "لهم", "فيها", "فيه", "بها", "به", "منها", "منه",
    "عليها", "عليه", "وهو", "وهي", "التي", "وذلك", "ولا", "إلا", "الا", "بل", "غير",
];

const VI: &[&str] = &[
    "của", "và", "các", "những", "là", "có", "được", "bị", "trong", "cho", "với", "này", "đó",
    "đã", "đang", "sẽ", "để", "không", "một", "từ", "theo", "về", "tại", "như", "khi", "nhưng",
    "hoặc", "hay", "mà", "thì", "cũng", "vào", "ra", "lên", "nên", "nếu", "vì", "do", "bởi",
    "đến", "tới", "trên", "dưới", "sau", "trước", "giữa", "rằng", "nhiều", "mọi", "mỗi", "rất",
    "đều", "vẫn", "còn", "nào", "gì", "ấy", "họ", "chúng", "ta", "tôi", "nó",
];

const MS_ID: &[&str] = &[
    "dan", "yang", "di", "ke", "dari", "pada", "untuk", "dengan", "dalam", "ini", "itu", "atau",
    "adalah", "ialah", "akan", "telah", "sudah", "oleh", "bagi", "kepada", "tidak", "juga",
    "serta", "tersebut", "sebagai", "bahawa", "bahwa", "antara", "setiap", "semua", "para",
    "satu", "se", "ada", "bagaimana", "mereka", "kami", "kita", "ia", "dia", "nya", "lebih",
    "masih", "hanya", "selepas", "setelah", "sebelum", "sejak", "hingga", "sehingga", "tentang",
    "mengenai", "terhadap", "melalui", "namun", "tetapi", "jika", "apabila", "ketika", "saat",
    "dapat", "boleh", "harus", "perlu", "pula", "lagi", "secara",
];

const FR: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "à", "au",
    "aux", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "entre", "vers", "chez",
    "ce", "cet", "cette", "ces", "qui", "que", "qu", "quoi", "dont", "où", "il", "elle", "ils",
    "elles", "on", "nous", "vous", "son", "sa", "ses", "leur", "leurs", "est", "sont", "était",
    "été", "être", "a", "ont", "avait", "sera", "seront", "ne", "pas", "plus", "moins", "aussi",
    "tout", "tous", "toute", "toutes", "chaque", "se", "s", "y", "si", "comme", "après", "avant",
    "depuis", "lors", "selon", "ainsi", "notamment", "très", "même",
];

/// The stopword list of a language (by primary subtag); empty for languages without one.
pub fn stopwords(primary: &str) -> &'static [&'static str] {
    match primary {
        "en" => EN,
        "ru" | "uk" | "be" => RU,
        "ar" | "fa" | "ur" => AR,
        "vi" => VI,
        "ms" | "id" => MS_ID,
        "fr" => FR,
        _ => &[],
    }
}
