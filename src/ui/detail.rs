//! The detail of one entity: its facts, then its links as a selectable list.
//! The text is wrapped here, so the position of every link is known and the selected
//! one can be scrolled into view without any state kept between frames.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Theme;
use crate::data::catalog::{Link, Relation, Section, year_span};
use crate::data::model::NormLink;
use crate::data::{Catalog, EntityRef, Kind};

/// The detail laid out for one width: its lines and where each link's lines are.
pub struct Doc {
    pub lines: Vec<Line<'static>>,
    /// Line range `[start, end)` of each stop: the links in order, then the sections.
    pub anchors: Vec<(usize, usize)>,
}

/// Draws `entity`'s detail in `block`; `selected` is the selected link when the detail has focus.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    catalog: &Catalog,
    entity: EntityRef,
    selected: Option<usize>,
    theme: &Theme,
) {
    let inner = block.inner(area);
    let doc = document(catalog, entity, selected, inner.width.into(), theme);
    let height = usize::from(inner.height);
    let offset = selected
        .and_then(|s| doc.anchors.get(s))
        .map_or(0, |&(start, end)| scroll_for(start, end, height));
    let lines: Vec<Line> = doc.lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The first line to show so that lines `[start, end)` are in a view of `height` lines:
/// from the top when it fits, else with the link at the bottom, else at the top.
fn scroll_for(start: usize, end: usize, height: usize) -> usize {
    if end <= height {
        0
    } else if end - start <= height {
        end - height
    } else {
        start
    }
}

/// Builds the whole detail of `entity` wrapped to `width` columns.
pub fn document(
    catalog: &Catalog,
    entity: EntityRef,
    selected: Option<usize>,
    width: usize,
    theme: &Theme,
) -> Doc {
    let mut w = Writer {
        lines: Vec::new(),
        width: width.max(1),
        theme,
    };
    facts(&mut w, catalog, entity);
    let mut anchors = Vec::new();
    let links = &catalog.links(entity);
    let mut group = None;
    for (i, link) in links.iter().enumerate() {
        let heading = group_heading(entity.kind, link, links);
        if group != Some(heading.clone()) {
            w.blank();
            w.styled(&heading, theme.heading);
            group = Some(heading);
        }
        let start = w.lines.len();
        link_lines(&mut w, catalog, link, selected == Some(i));
        anchors.push((start, w.lines.len()));
    }
    if links.is_empty() {
        w.blank();
        w.styled("No links.", theme.dim);
    }
    for (i, section) in catalog.sections(entity).into_iter().enumerate() {
        let start = w.lines.len() + 1; // after the blank line that opens it
        section_lines(
            &mut w,
            catalog,
            entity,
            section,
            selected == Some(links.len() + i),
        );
        anchors.push((start, w.lines.len()));
    }
    Doc {
        lines: w.lines,
        anchors,
    }
}

struct Writer<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

impl Writer<'_> {
    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn styled(&mut self, text: &str, style: ratatui::style::Style) {
        for l in textwrap::wrap(text, self.width) {
            self.lines.push(Line::styled(l.into_owned(), style));
        }
    }

    /// `Label: value`, wrapped with continuation lines indented under the value.
    fn field(&mut self, label: &str, value: &str) {
        let head = format!("{label}: ");
        let options = textwrap::Options::new(self.width).subsequent_indent("  ");
        let text = format!("{head}{value}");
        for (i, l) in textwrap::wrap(&text, options).into_iter().enumerate() {
            let l = l.into_owned();
            if i == 0 && l.starts_with(&head) {
                let rest = l[head.len()..].to_owned();
                self.lines.push(Line::from(vec![
                    Span::styled(head.clone(), self.theme.label),
                    Span::raw(rest),
                ]));
            } else {
                self.lines.push(Line::raw(l));
            }
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.blank();
        for l in textwrap::wrap(text, self.width) {
            self.lines.push(Line::raw(l.into_owned()));
        }
    }

    /// A blank line, then the heading of a section: marked and reversed when selected.
    fn heading(&mut self, text: &str, selected: bool) {
        self.blank();
        if selected {
            self.lines
                .push(Line::styled(format!("> {text}"), self.theme.selected));
        } else {
            self.styled(text, self.theme.heading);
        }
    }

    fn bullets(&mut self, items: &[String]) {
        let bullet = format!("{} ", self.theme.glyphs.bullet);
        let options = textwrap::Options::new(self.width)
            .initial_indent(&bullet)
            .subsequent_indent("  ");
        for item in items {
            for l in textwrap::wrap(item, &options) {
                self.lines.push(Line::raw(l.into_owned()));
            }
        }
    }
}

fn facts(w: &mut Writer, c: &Catalog, e: EntityRef) {
    let kind_line = |extra: Vec<String>| {
        std::iter::once(e.kind.label().to_owned())
            .chain(extra)
            .collect::<Vec<_>>()
            .join(&format!(" {} ", w.theme.glyphs.dot))
    };
    match e.kind {
        Kind::NormSet => {
            let s = c.norm_set(e.index);
            w.styled(&s.name, w.theme.title);
            w.styled(&kind_line(vec![s.year.to_string()]), w.theme.dim);
            w.field("Made by", &s.made_by);
            w.field("URL", &s.url);
        }
        Kind::Norm => {
            let n = c.norm(e.index);
            w.styled(
                &format!("{}: {}", c.norm_code(e.index), n.name),
                w.theme.title,
            );
            let set = c
                .set_of(e.index)
                .map(|s| format!("{} ({})", s.short_name, s.year));
            w.styled(&kind_line(set.into_iter().collect()), w.theme.dim);
            if !n.aliases.is_empty() {
                w.field("Also", &n.aliases.join(", "));
            }
            if !n.themes.is_empty() {
                let themes: Vec<String> = (n.themes.iter())
                    .map(|t| match t.bpf_element() {
                        Some(element) => format!("{} (BPF 2021 {element})", t.label()),
                        None => t.label().to_owned(),
                    })
                    .collect();
                w.field("Themes", &themes.join(", "));
            }
            w.paragraph(&n.summary);
        }
        Kind::Agreement => {
            let a = c.agreement(e.index);
            w.styled(&a.name, w.theme.title);
            w.styled(
                &kind_line(vec![a.kind.label().to_owned(), a.year.to_string()]),
                w.theme.dim,
            );
            w.field("Made by", &a.made_by);
            w.field("Scope", &a.scope);
            let bpf = if a.bpf_analysed.is_empty() {
                "not known to have been analysed".to_owned()
            } else {
                let years: Vec<String> = a.bpf_analysed.iter().map(u16::to_string).collect();
                format!("analysed in {}", years.join(", "))
            };
            w.field("BPF", &bpf);
            w.field("URL", &a.url);
            w.paragraph(&a.summary);
        }
        Kind::Incident => {
            let i = c.incident(e.index);
            w.styled(&i.name, w.theme.title);
            let mut extra = vec![year_span(i.year, i.end_year)];
            extra.extend(i.bpf_case.map(|y| format!("BPF case {y}")));
            w.styled(&kind_line(extra), w.theme.dim);
            if !i.aliases.is_empty() {
                w.field("Also", &i.aliases.join(", "));
            }
            w.paragraph(&i.summary);
        }
    }
}

/// A section after the links; see `Catalog::sections`.
fn section_lines(w: &mut Writer, c: &Catalog, e: EntityRef, section: Section, selected: bool) {
    match section {
        Section::Details => {
            let i = c.incident(e.index);
            w.heading("Details", selected);
            w.field("Dates", &i.dates);
            w.field("Attribution", &attribution(i));
            w.field("Sectors", &i.sectors.join(", "));
            if !i.countries.is_empty() {
                w.field("Countries", &i.countries.join(", "));
            }
            if !i.impacts.is_empty() {
                let impacts: Vec<&str> = i.impacts.iter().map(|c| c.label()).collect();
                w.field("Impact on", &impacts.join(", "));
            }
            w.field("Impact", &i.impact);
        }
        Section::Lessons => {
            w.heading("Lessons", selected);
            w.bullets(&c.incident(e.index).lessons);
        }
        Section::Sources => {
            w.heading("Sources", selected);
            let sources: Vec<String> = (c.sources(e).iter())
                .map(|s| format!("{} <{}>", s.title, s.url))
                .collect();
            w.bullets(&sources);
        }
    }
}

/// Attribution as publicly reported, in one line.
pub fn attribution(i: &crate::data::model::Incident) -> String {
    if i.attribution.is_empty() {
        return "not publicly attributed".into();
    }
    let claims: Vec<String> = (i.attribution.iter())
        .map(|a| {
            let how = if a.official {
                "officially"
            } else {
                "unofficially"
            };
            let aka = if a.aliases.is_empty() {
                String::new()
            } else {
                format!(", a.k.a. {}", a.aliases.join(", "))
            };
            format!("{}{aka} ({how}, by {}, {})", a.actor, a.by, a.date)
        })
        .collect();
    let mut s = claims.join("; ");
    if !i.attribution.iter().any(|a| a.official) {
        s.push_str("; not officially attributed by any government");
    }
    s
}

/// The heading of the group a link belongs to.
fn group_heading(from: Kind, link: &Link, all: &[Link]) -> String {
    let n = all
        .iter()
        .filter(|l| l.target.kind == link.target.kind)
        .count();
    let what = match (from, link.target.kind) {
        (_, Kind::NormSet) => "Norm set",
        (Kind::Norm, Kind::Norm) => "The same idea in other sets",
        (Kind::NormSet, _) => "Norms in this set",
        (Kind::Incident, _) => "Norms that would have mitigated it",
        (Kind::Agreement, Kind::Norm) => "Norms it contains or echoes",
        (Kind::Agreement, _) => "Incidents its norms bear on",
        (_, Kind::Agreement) if matches!(link.relation, Relation::Via(_)) => {
            "Agreements carrying the same idea"
        }
        (_, Kind::Agreement) => "Agreements that carry it",
        (_, _) => "Incidents it would have mitigated",
    };
    format!("{what} ({n})")
}

fn link_lines(w: &mut Writer, c: &Catalog, link: &Link, selected: bool) {
    let t = link.target;
    let name = match t.kind {
        Kind::Norm => format!("{}: {}", c.norm_code(t.index), c.norm(t.index).name),
        Kind::NormSet => c.short_label(t),
        _ => c.row_label(t),
    };
    let dot = w.theme.glyphs.dot;
    let (how, note): (Option<String>, Option<&NormLink>) = match &link.relation {
        Relation::Set | Relation::Equivalent => (None, None),
        Relation::Contains => (Some(format!("{dot} in its text")), None),
        Relation::Echoes { .. } => (Some(format!("{dot} echoed")), c.norm_link(&link.relation)),
        Relation::Mitigates { .. } => (None, c.norm_link(&link.relation)),
        Relation::Via(norms) => {
            let codes: Vec<String> = norms.iter().map(|&n| c.norm_code(n)).collect();
            (Some(format!("{dot} via {}", codes.join(", "))), None)
        }
    };
    let marker = if selected { "> " } else { "  " };
    let mut meta = Vec::new();
    if let Some(l) = note {
        meta.push(Span::styled(
            format!("[{}]", l.basis.label()),
            w.theme.basis,
        ));
    }
    if let Some(how) = how {
        meta.push(Span::styled(how, w.theme.dim));
    }
    let style = if selected {
        w.theme.selected
    } else {
        ratatui::style::Style::new()
    };
    let head = format!("{marker}{name}");
    // The basis and relation, one space apart.
    let meta: Vec<Span> = (meta.into_iter())
        .flat_map(|span| [Span::raw(" "), span])
        .collect();
    let one_line = Line::from([vec![Span::raw(head.clone())], meta.clone()].concat());
    if one_line.width() <= w.width {
        w.lines.push(one_line.style(style));
    } else {
        // Too long for one line: the name wrapped, then its basis on a line of its own.
        let options = textwrap::Options::new(w.width).subsequent_indent("    ");
        for l in textwrap::wrap(&head, options) {
            w.lines.push(Line::raw(l.into_owned()).style(style));
        }
        if !meta.is_empty() {
            let indented = [vec![Span::raw("   ")], meta].concat();
            w.lines.push(Line::from(indented).style(style));
        }
    }
    if let Some(l) = note {
        let options = textwrap::Options::new(w.width)
            .initial_indent("    ")
            .subsequent_indent("    ");
        for line in textwrap::wrap(&l.rationale, options) {
            w.lines
                .push(Line::raw(line.into_owned()).style(if selected {
                    style
                } else {
                    w.theme.dim
                }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::scroll_for;

    #[test]
    fn scroll_keeps_the_link_in_view() {
        assert_eq!(scroll_for(2, 4, 10), 0, "fits from the top");
        assert_eq!(
            scroll_for(12, 15, 10),
            5,
            "scrolled so the link ends at the bottom"
        );
        assert_eq!(
            scroll_for(12, 30, 10),
            12,
            "taller than the view: its start at the top"
        );
    }
}
