//! General English word lists the assistant relies on: function words, verbs that show a
//! subject, reporting verbs, stance cues, organisation keywords. Nothing here is specific to
//! any article.

use crate::model::Stance;

/// Capitalised at the start of a sentence, but never the start of a name.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "according", "across", "after", "again", "against", "ahead", "all", "also",
    "although", "amid", "an", "and", "another", "any", "as", "at", "because", "before", "being",
    "both", "but", "by", "despite", "during", "each", "earlier", "either", "even", "every", "few",
    "following", "for", "from", "further", "he", "her", "here", "his", "however", "i", "if", "in",
    "instead", "it", "its", "last", "later", "many", "meanwhile", "more", "most", "much", "my",
    "neither", "next", "no", "nor", "not", "now", "of", "on", "once", "one", "only", "or", "other",
    "our", "over", "separately", "she", "since", "so", "some", "still", "such", "than", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "though", "through", "to",
    "today", "tomorrow", "under", "unless", "until", "we", "what", "when", "where", "whether",
    "which", "while", "who", "why", "with", "within", "without", "yesterday", "yet", "you", "your",
    "asked", "speaking", "government", "officials", "talks", "negotiations", "sources", "there's",
    "it's", "that's", "we're", "i'm", "let", "so far", "nearly", "just", "only", "how", "would",
    "will", "could", "should", "may", "might", "must", "can", "do", "does", "did", "is", "are",
    "was", "were", "has", "have", "had", "be", "been", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "article",
    "chapter", "section", "annex", "resolution", "president", "minister", "secretary",
];

/// Place words after which a state or capital is a venue, not an actor.
pub const VENUE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "into", "inside", "across", "near", "throughout", "around", "within",
    "outside", "to", "toward", "towards", "via", "visit", "visited", "visiting", "visits",
];

/// Words that, right after a name, show it is the subject of a clause.
pub const AFTER_SUBJECT: &[&str] = &[
    "is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "shall", "did", "does", "do", "also", "later", "earlier", "then",
    "again", "still", "already", "now", "never", "not", "reportedly", "recently", "accuse",
    "accuses", "want", "wants", "hope", "hopes", "seek", "seeks", "say", "says", "plan", "plans",
    "expect", "expects", "refuse", "refuses", "reject", "rejects", "urge", "urges", "call",
    "calls", "insist", "insists", "agree", "agrees", "deny", "denies", "warn", "warns", "support",
    "supports", "oppose", "opposes", "believe", "believes", "demand", "demands", "remain",
    "remains", "continue", "continues", "intend", "intends", "propose", "proposes", "told",
    "said", "made", "took", "gave", "held", "met", "sent", "began", "left", "came", "went",
    "sought", "spoke", "wrote", "chose", "knew", "saw", "felt", "kept", "set", "put", "led",
    "won", "lost", "meets", "holds", "sends", "gives", "takes", "makes", "needs", "need", "fears",
    "welcomes", "backs", "condemns", "criticises", "criticizes", "threatens", "vows", "pledges",
    "however", "too",
];

/// Verbs that report speech: "X said", "said X", "according to X".
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "wrote",
    "writes", "declared", "declares", "continued", "insisted", "insists", "warned", "warns",
    "asked", "asks", "quoted", "described", "describes", "called", "calls", "stressed",
    "stressing", "emphasized", "emphasised", "emphasizing", "emphasising", "noted", "noting",
    "explained", "argued", "argues", "claimed", "claims", "replied", "responded", "announced",
    "announces", "urged", "urges", "urging", "saying", "calling", "described", "tweeted",
    "posted", "conveyed", "acknowledged", "admitted", "confirmed", "suggested", "vowed",
    "pledged", "predicted", "accused", "cautioned", "reiterated", "maintained", "countered",
    "labelled", "labeled", "termed", "branded", "dubbed",
];

/// A stance cue: the words as they appear, what stance they signal, and whether they merely
/// report speech (weaker evidence of a position).
pub struct Cue {
    pub words: &'static str,
    pub stance: Stance,
}

const fn cue(words: &'static str, stance: Stance) -> Cue {
    Cue { words, stance }
}

/// Stance cues, longest first within each stem so "refuses to accept" wins over "refuses".
pub const CUES: &[Cue] = &[
    // Support, hope, commitment.
    cue("welcomed", Stance::Supports),
    cue("welcomes", Stance::Supports),
    cue("welcome", Stance::Supports),
    cue("supports", Stance::Supports),
    cue("supported", Stance::Supports),
    cue("backed", Stance::Supports),
    cue("backs", Stance::Supports),
    cue("endorsed", Stance::Supports),
    cue("praised", Stance::Supports),
    cue("hopes", Stance::Supports),
    cue("hoped", Stance::Supports),
    cue("hope", Stance::Supports),
    cue("wants", Stance::Supports),
    cue("want", Stance::Supports),
    cue("wanted", Stance::Supports),
    cue("is seeking", Stance::Supports),
    cue("are seeking", Stance::Supports),
    cue("was seeking", Stance::Supports),
    cue("seeks", Stance::Supports),
    cue("sought", Stance::Supports),
    cue("is willing to", Stance::Supports),
    cue("was willing to", Stance::Supports),
    cue("are willing to", Stance::Supports),
    cue("were willing to", Stance::Supports),
    cue("is ready to", Stance::Supports),
    cue("was ready to", Stance::Supports),
    cue("are ready to", Stance::Supports),
    cue("is prepared to", Stance::Supports),
    cue("was prepared to", Stance::Supports),
    cue("are prepared to", Stance::Supports),
    cue("pledged", Stance::Supports),
    cue("pledges", Stance::Supports),
    cue("vowed", Stance::Supports),
    cue("committed to", Stance::Supports),
    cue("agreed to", Stance::Supports),
    cue("agreed", Stance::Supports),
    cue("proposed", Stance::Supports),
    cue("proposes", Stance::Supports),
    cue("are confident", Stance::Supports),
    cue("is confident", Stance::Supports),
    cue("was confident", Stance::Supports),
    cue("were confident", Stance::Supports),
    cue("believes", Stance::Supports),
    cue("believe", Stance::Supports),
    cue("expressing a desire", Stance::Supports),
    cue("expressed a desire", Stance::Supports),
    cue("expressed support", Stance::Supports),
    cue("is eyeing positively", Stance::Supports),
    cue("expects", Stance::Supports),
    cue("expected", Stance::Supports),
    // Opposition.
    cue("refuses to accept", Stance::Opposes),
    cue("refused to accept", Stance::Opposes),
    cue("refuses", Stance::Opposes),
    cue("refused", Stance::Opposes),
    cue("rejected", Stance::Opposes),
    cue("rejects", Stance::Opposes),
    cue("opposes", Stance::Opposes),
    cue("opposed", Stance::Opposes),
    cue("condemned", Stance::Opposes),
    cue("condemns", Stance::Opposes),
    cue("criticised", Stance::Opposes),
    cue("criticized", Stance::Opposes),
    cue("denied", Stance::Opposes),
    cue("denies", Stance::Opposes),
    cue("denials", Stance::Opposes),
    cue("accused", Stance::Opposes),
    cue("accuses", Stance::Opposes),
    cue("accuse", Stance::Opposes),
    cue("will not tolerate", Stance::Opposes),
    cue("would not tolerate", Stance::Opposes),
    cue("will not accept", Stance::Opposes),
    cue("will not attend", Stance::Opposes),
    cue("turned down", Stance::Opposes),
    cue("dismissed", Stance::Opposes),
    cue("warned", Stance::Opposes),
    cue("questioned", Stance::Opposes),
    cue("expressing regret", Stance::Opposes),
    cue("expressed regret", Stance::Opposes),
    cue("regrets", Stance::Opposes),
    cue("in retaliation for", Stance::Opposes),
    cue("ruled out", Stance::Opposes),
    cue("has not ruled out", Stance::Undecided),
    cue("have not ruled out", Stance::Undecided),
    cue("did not rule out", Stance::Undecided),
    cue("has avoided committing", Stance::Undecided),
    cue("have avoided committing", Stance::Undecided),
    cue("avoided committing", Stance::Undecided),
    cue("is considering", Stance::Undecided),
    cue("was considering", Stance::Undecided),
    // Demands.
    cue("insisted", Stance::Demands),
    cue("insists", Stance::Demands),
    cue("demanded", Stance::Demands),
    cue("demands", Stance::Demands),
    cue("called for", Stance::Demands),
    cue("calls for", Stance::Demands),
    cue("called on", Stance::Demands),
    cue("calling on", Stance::Demands),
    cue("calls on", Stance::Demands),
    cue("urged", Stance::Demands),
    cue("urges", Stance::Demands),
    cue("urging", Stance::Demands),
    cue("requires", Stance::Demands),
    // Statements that carry a position without a stance word.
    cue("said in a statement", Stance::Ambiguous),
    cue("emphasized", Stance::Ambiguous),
    cue("emphasised", Stance::Ambiguous),
    cue("stressed", Stance::Ambiguous),
    cue("admitted", Stance::Ambiguous),
    cue("described", Stance::Ambiguous),
    cue("sought to downplay", Stance::Ambiguous),
    cue("added", Stance::Ambiguous),
    cue("said", Stance::Ambiguous),
    cue("says", Stance::Ambiguous),
    cue("told", Stance::Ambiguous),
];

/// Words whose presence makes a capitalised phrase an organisation.
pub const ORG_KEYWORDS: &[&str] = &[
    "Ministry", "Department", "Agency", "Authority", "Bank", "Council", "Commission", "Union",
    "Organisation", "Organization", "Association", "Corp", "Corporation", "Inc", "Ltd", "Company",
    "Co", "Group", "Systems", "Airlines", "Airways", "Party", "Front", "Army", "Forces", "Court",
    "Parliament", "Congress", "Senate", "Assembly", "Committee", "Institute", "Fund", "League",
    "Movement", "Federation", "Foundation", "Alliance", "Coalition", "Cabinet",
    "Directorate", "Service", "Police", "Guard", "Industries", "Holdings", "Motors", "Bureau",
    "Secretariat", "Tribunal", "Board", "Treasury", "Reserve", "Brigade", "Brigades",
];

/// Words for a company before its name: "aircraft maker Airbus", "its US rival Boeing".
pub const COMPANY_NOUNS: &[&str] = &[
    "maker", "rival", "firm", "company", "carrier", "giant", "group", "manufacturer", "producer",
    "operator", "supplier", "lender", "bank", "insurer", "retailer", "conglomerate", "airline",
];

/// Role nouns after a comma that mark a person: "Hajime Tamura, his trade minister".
pub const ROLE_NOUNS: &[&str] = &[
    "leader", "president", "minister", "negotiator", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "envoy", "ambassador", "chairman", "chairwoman", "chair", "official",
    "commissioner", "representative", "chief", "head", "premier", "chancellor", "director",
    "governor", "mayor", "senator", "general", "commander", "adviser", "advisor", "king", "queen",
    "prince", "speaker", "diplomat", "judge", "counterpart", "foreign", "prime", "deputy", "vice",
    "founder", "executive", "ceo",
];

/// Unnamed speakers: "officials said", "a spokesman for X said", "media outlets described".
pub const SPEAKER_NOUNS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "diplomat", "diplomats",
    "source", "sources", "outlets", "media", "analysts", "observers", "aide", "aides", "ministry",
    "government", "statement", "companies", "firms", "company", "firm", "agency",
];

pub fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    FUNCTION_WORDS.contains(&lower.as_str())
}

/// Whether `word` (lower case) right after a name shows the name is a clause's subject.
pub fn shows_subject(word: &str) -> bool {
    let lower = word.to_lowercase();
    AFTER_SUBJECT.contains(&lower.as_str())
        || REPORTING_VERBS.contains(&lower.as_str())
        || (lower.len() > 4 && lower.ends_with("ed") && word.chars().all(char::is_lowercase))
}
