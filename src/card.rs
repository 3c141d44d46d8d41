//! A short citation card for one entity: what `y` copies and `cybernorms show` prints.

use crate::data::catalog::{Relation, year_span};
use crate::data::{Catalog, EntityRef, Kind};

/// How a card is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Markdown,
    Text,
}

/// The card of `e`: name, year and kind, a one-line summary, its key links, its sources.
pub fn card(c: &Catalog, e: EntityRef, style: Style) -> String {
    let md = style == Style::Markdown;
    let strong = |s: &str| if md { format!("**{s}**") } else { s.to_owned() };
    let code = |s: &str| if md { format!("`{s}`") } else { s.to_owned() };
    let (title, year, summary) = match e.kind {
        Kind::NormSet => {
            let s = c.norm_set(e.index);
            (s.name.clone(), s.year.to_string(), s.made_by.clone())
        }
        Kind::Norm => {
            let n = c.norm(e.index);
            let year = c
                .set_of(e.index)
                .map(|s| s.year.to_string())
                .unwrap_or_default();
            (
                format!("{}: {}", c.norm_code(e.index), n.name),
                year,
                n.summary.clone(),
            )
        }
        Kind::Agreement => {
            let a = c.agreement(e.index);
            (a.name.clone(), a.year.to_string(), a.summary.clone())
        }
        Kind::Incident => {
            let i = c.incident(e.index);
            (
                i.name.clone(),
                year_span(i.year, i.end_year),
                i.summary.clone(),
            )
        }
    };
    let mut out = format!(
        "{} ({year}) · {} · {}\n{}\n",
        strong(&title),
        e.kind.label(),
        code(c.id(e)),
        first_sentence(&summary)
    );
    let (heading, relations): (&str, fn(&Relation) -> bool) = match e.kind {
        Kind::Incident => ("Norms that would have mitigated it", |r| {
            matches!(r, Relation::Mitigates { .. })
        }),
        Kind::Norm => ("Carried by", |r| {
            matches!(r, Relation::Contains | Relation::Echoes { .. })
        }),
        Kind::Agreement => ("Norms", |r| {
            matches!(r, Relation::Contains | Relation::Echoes { .. })
        }),
        Kind::NormSet => ("Norms", |r| matches!(r, Relation::Set)),
    };
    let items: Vec<String> = (c.links(e).iter())
        .filter(|l| {
            relations(&l.relation) && (e.kind != Kind::Norm || l.target.kind == Kind::Agreement)
        })
        .map(|l| {
            let basis = c
                .norm_link(&l.relation)
                .map(|n| format!(" [{}]", n.basis.label()))
                .unwrap_or_default();
            format!("- {}{basis}", c.short_label(l.target))
        })
        .collect();
    if !items.is_empty() {
        out.push_str(&format!("{heading}:\n{}\n", items.join("\n")));
    }
    let urls: Vec<String> = c.sources(e).iter().map(|s| s.url.clone()).collect();
    out.push_str(&format!("Sources: {}\n", urls.join(" ")));
    out
}

/// The first sentence of a text, for a one-line summary.
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    (text.char_indices())
        .find(|&(i, ch)| {
            matches!(ch, '.' | '!' | '?') && text[i + 1..].starts_with(' ') && {
                // Not an abbreviation like "U.S." or "e.g.": the next word starts upper-case.
                text[i + 1..].trim_start().starts_with(char::is_uppercase)
            }
        })
        .map_or(text, |(i, _)| &text[..=i])
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn first_sentence_stops_at_a_sentence_end_only() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(
            first_sentence("Hit the U.S. hard. Then more."),
            "Hit the U.S. hard."
        );
        assert_eq!(first_sentence("No end"), "No end");
    }
}
