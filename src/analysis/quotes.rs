//! Quotations: straight and curly double quotes, curly single quotes, guillemets; a quote that
//! runs to the end of a paragraph continues when the next paragraph re-opens it. Each quote is
//! attributed to a speaker through the reporting verb nearest to it; quotes nobody said (scare
//! quotes, titles) are left out.

use super::lexicon::REPORTING_VERBS;
use super::sentences::{Word, words};
use super::speakers::{Resolver, Speaker};
use std::ops::Range;

/// A quotation: the inner text's byte range (without marks) and its whole range with marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    pub inner: Range<usize>,
    pub outer: Range<usize>,
    /// The quote runs on into the next paragraph, which re-opens it.
    pub continued: bool,
}

/// Every quotation in `text`, in order.
pub fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let opens_here = match c {
            '“' | '«' | '„' => true,
            '"' => prev.is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)),
            '‘' => {
                prev.is_none_or(|p| p.is_whitespace() || "([—–-:“\"".contains(p))
                    && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
            }
            _ => false,
        };
        if !opens_here {
            i += 1;
            continue;
        }
        let closing = |j: usize| -> bool {
            let (_, d) = chars[j];
            let next = chars.get(j + 1).map(|&(_, n)| n);
            match c {
                '“' | '„' => d == '”',
                '«' => d == '»',
                '"' => d == '"',
                _ => d == '’' && next.is_none_or(|n| !n.is_alphanumeric()) && j > i + 1,
            }
        };
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            if chars[j].1 == '\n' {
                break;
            }
            if closing(j) {
                found = Some(j);
                break;
            }
            j += 1;
        }
        let inner_start = at + c.len_utf8();
        match found {
            Some(j) => {
                let (close_at, close) = chars[j];
                push(
                    text,
                    inner_start,
                    close_at,
                    at..close_at + close.len_utf8(),
                    false,
                    &mut out,
                );
                i = j + 1;
            }
            None => {
                // A quote running to the paragraph's end continues if the next paragraph
                // re-opens it; the part in this paragraph is a quote of its own.
                let para_end = chars.get(j).map_or(text.len(), |&(p, _)| p);
                let reopened = text[para_end..].trim_start().starts_with(['“', '"', '«']);
                // A paragraph that opens a quotation and never closes it is one: the writer
                // dropped the closing mark of the article's last words.
                let opens_paragraph = text[..at].trim_end_matches(' ').ends_with('\n') || at == 0;
                if reopened {
                    push(text, inner_start, para_end, at..para_end, true, &mut out);
                } else if opens_paragraph && c != '‘' {
                    push(text, inner_start, para_end, at..para_end, false, &mut out);
                }
                i = j.max(i + 1);
            }
        }
    }
    out
}

fn push(
    text: &str,
    start: usize,
    end: usize,
    outer: Range<usize>,
    continued: bool,
    out: &mut Vec<QuoteSpan>,
) {
    let inner = &text[start..end];
    // A comma the writer placed before the closing mark belongs to the sentence, not the quote.
    let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
    let lead = inner.len() - inner.trim_start().len();
    if trimmed.len() > lead {
        out.push(QuoteSpan {
            inner: start + lead..start + trimmed.len(),
            outer,
            continued,
        });
    }
}

/// A quotation with its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundQuote {
    pub span: QuoteSpan,
    pub speaker: Speaker,
}

/// Attributes each quotation to a speaker; drops quotes without one.
pub fn attribute(
    resolver: &Resolver,
    spans: &[QuoteSpan],
    sentences: &[Range<usize>],
) -> Vec<FoundQuote> {
    let text = resolver.text;
    let mut direct: Vec<Option<Speaker>> = Vec::with_capacity(spans.len());
    let mut standalone: Vec<bool> = Vec::with_capacity(spans.len());
    for span in spans {
        let Some(sentence) = sentences
            .iter()
            .find(|s| s.start <= span.outer.start && span.outer.start < s.end)
            .cloned()
        else {
            direct.push(None);
            standalone.push(false);
            continue;
        };
        let all = words(text, sentence.clone());
        let inside = |w: &Word| {
            let after = spans.partition_point(|q| q.outer.start <= w.start);
            after
                .checked_sub(1)
                .is_some_and(|i| w.end <= spans[i].outer.end)
        };
        let verbs: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(_, w)| !inside(w) && REPORTING_VERBS.contains(&w.lower().as_str()))
            .map(|(n, _)| n)
            .collect();
        let mut speaker = None;
        // 1. "…," Mr Mandelson said / "…," said Mr Mandelson / "…," he added.
        let after: Vec<usize> = (0..all.len())
            .filter(|&n| all[n].start >= span.outer.end && !inside(&all[n]))
            .take(8)
            .take_while(|&n| {
                // "Energy and Mines Minister Inés Cárdenas told": "and" inside a name.
                let in_name = all[n].text == "and"
                    && n > 0
                    && all[n - 1].is_capitalised()
                    && all.get(n + 1).is_some_and(Word::is_capitalised);
                in_name
                    || !matches!(
                        all[n].lower().as_str(),
                        "while" | "but" | "and" | "as" | "although" | "when" | "because" | "which"
                    )
            })
            .collect();
        if let Some(&first) = after.first() {
            // "…", according to X.
            if all[first].lower() == "according"
                && let Some(to) = after.get(1)
                && all[*to].text == "to"
            {
                speaker = super::speakers::statement_source(resolver, &all, *to)
                    .map(Speaker::Actor)
                    .or_else(|| super::speakers::inverted_subject(resolver, &all, *to));
            } else if let Some(&verb) = after.iter().find(|&&n| verbs.contains(&n)) {
                speaker = if verb == first && !all[verb].text.ends_with("ing") {
                    super::speakers::inverted_subject(resolver, &all, verb)
                        .or_else(|| resolver.subject_ending_at(&all, verb + 1, all[verb].start))
                } else {
                    resolver.subject_of(&all, verb, sentence.clone())
                };
            } else if let Some(s) = resolver.subject_ending_at(&all, first, all[first].start)
                && all[first..]
                    .iter()
                    .take(12)
                    .any(|w| REPORTING_VERBS.contains(&w.lower().as_str()))
            {
                // "…," Ramaphosa, who is South Africa’s president, said.
                speaker = Some(s);
            }
        }
        // "According to a statement from the union, “…”": the body that issued it.
        if speaker.is_none()
            && let Some(to) =
                (1..all.len()).find(|&n| all[n].text == "to" && all[n - 1].lower() == "according")
            && all[to].end <= span.outer.start
            && !inside(&all[to])
        {
            speaker = super::speakers::statement_source(resolver, &all, to).map(Speaker::Actor);
        }
        // 2. The nearest reporting verb before the quote: X said: "…" / X described it as "…".
        // "…, quoting Tete Antonio: “…”": the one quoted.
        if speaker.is_none() {
            speaker = verbs
                .iter()
                .rev()
                .filter(|&&n| all[n].end <= span.outer.start)
                .find_map(|&verb| {
                    if all[verb].text == "quoting" {
                        super::speakers::inverted_subject(resolver, &all, verb)
                    } else {
                        resolver.subject_of(&all, verb, sentence.clone())
                    }
                });
        }
        // 3. Any reporting verb later in the sentence: "… was exerting “…” to end it, Mr Abbas added."
        if speaker.is_none()
            && let Some(&verb) = verbs.iter().find(|&&n| all[n].start >= span.outer.end)
        {
            speaker = resolver.subject_of(&all, verb, sentence.clone());
        }
        direct.push(speaker);
        standalone.push(verbs.is_empty() && covers_sentence(text, span, &sentence));
    }
    // A quote running on into the next paragraph is said by whoever says its continuation.
    for i in (0..spans.len()).rev() {
        if direct[i].is_none() && spans[i].continued && i + 1 < spans.len() {
            direct[i] = direct[i + 1].clone();
        }
    }
    // A quote standing alone continues the previous speaker in the same stretch of text.
    let mut out: Vec<FoundQuote> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let mut speaker = direct[i].clone();
        if speaker.is_none()
            && standalone[i]
            && let Some(previous) = out.last()
            && span.outer.start.saturating_sub(previous.span.outer.end) < 400
        {
            speaker = Some(previous.speaker.clone());
        }
        if let Some(speaker) = speaker {
            out.push(FoundQuote {
                span: span.clone(),
                speaker,
            });
        }
    }
    out
}

fn covers_sentence(text: &str, span: &QuoteSpan, sentence: &Range<usize>) -> bool {
    let outside = text[sentence.start..span.outer.start].trim().len()
        + text[span.outer.end.min(sentence.end)..sentence.end]
            .trim()
            .len();
    outside <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        quote_spans(text)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn straight_curly_and_single_quotes() {
        assert_eq!(
            inner("He called it ‘warm,’ and “frank.” She said \"no,\" twice; Zelensky’s team"),
            ["warm", "frank.", "no"]
        );
    }

    #[test]
    fn a_quote_reopened_in_the_next_paragraph_is_split() {
        let text = "\"We will go on.\n\n\"And we will win,\" he said.";
        assert_eq!(inner(text), ["We will go on.", "And we will win"]);
    }
}
