//! Application state and the pure `update` that changes it. No terminal, no rendering.

mod keymap;

pub use keymap::{BINDINGS, Binding, Key, Mode, help_rows, key_name, keymap};

use crate::data::{Catalog, EntityRef, Kind};
use crate::search::{Index, Match, Stop};

/// The panes: three lists, the coverage matrix and the insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Agreements,
    Norms,
    Incidents,
    Matrix,
    Insights,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Agreements,
        Pane::Norms,
        Pane::Incidents,
        Pane::Matrix,
        Pane::Insights,
    ];

    /// The kind a list pane lists; `None` for the matrix and the insights.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Pane::Agreements => Some(Kind::Agreement),
            Pane::Norms => Some(Kind::Norm),
            Pane::Incidents => Some(Kind::Incident),
            Pane::Matrix | Pane::Insights => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Agreements => "Agreements",
            Pane::Norms => "Norms",
            Pane::Incidents => "Incidents",
            Pane::Matrix => "Matrix",
            Pane::Insights => "Insights",
        }
    }

    fn position(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyWhat {
    Card,
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
}

/// Everything a user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Pane(Pane),
    NextPane,
    PrevPane,
    Move(Motion),
    Open,
    Back,
    /// Start filtering the current pane (`/`).
    SearchStart,
    /// Open the jump palette over every kind (`:`).
    PaletteOpen,
    /// Type into the active prompt (search or palette).
    Input(char),
    DeleteChar,
    ClearInput,
    /// Search: keep the filter. Palette: jump to the selected item.
    Accept,
    /// Search: clear the filter. Palette: close it.
    Cancel,
    /// Back and forward across jumps.
    HistoryBack,
    HistoryForward,
    /// Copy the focused item's citation card (`y`) or its id or norm code (`Y`).
    Copy(CopyWhat),
    /// Matrix: move the cell cursor left or right (up and down are `Move`).
    Column(Motion),
    /// Matrix: rows are agreements, or incidents.
    ToggleRows,
    /// Agreements: mark or unmark the selected agreement for comparison.
    Mark,
    /// Agreements: compare the two marked agreements.
    Compare,
    Help,
    CloseHelp,
    /// Repaint everything (the terminal edge clears the screen first).
    Redraw,
    /// The number of list rows that fit on screen changed.
    Viewport(usize),
    Quit,
}

/// The read-only world `update` works against: the catalog and its search index.
pub struct Context {
    pub catalog: Catalog,
    pub index: Index,
    /// The Insights pane's charts, computed once.
    pub charts: Vec<crate::insights::Chart>,
}

impl Context {
    pub fn new(catalog: Catalog) -> Self {
        let index = Index::new(&catalog);
        let charts = crate::insights::charts(&catalog);
        Self {
            catalog,
            index,
            charts,
        }
    }

    /// The matches for `query` among `kind` (everything when `None`); typing on from
    /// `previous`'s query only re-checks `previous`.
    fn matches(
        &self,
        kind: Option<Kind>,
        query: &str,
        previous: Option<(&str, &[Match])>,
        stop: Stop,
    ) -> Option<Vec<Match>> {
        match previous {
            Some((was, matches)) if !was.trim().is_empty() && query.starts_with(was) => {
                self.index.refine(query, matches, stop)
            }
            _ => self.index.filter_until(query, kind, stop),
        }
    }

    /// All of `kind` (everything when `None`), in dataset order.
    fn everything(&self, kind: Option<Kind>) -> Vec<Match> {
        self.index.filter("", kind)
    }
}

/// One step of a drill-down: an entity shown in detail, with one of its links selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub entity: EntityRef,
    pub selected: usize,
}

/// A pane's list, its filter, and its drill-down path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneState {
    pub query: String,
    /// The query `matches` answers; behind `query` only between keys of one burst of typing.
    pub matched: String,
    pub matches: Vec<Match>,
    /// Index into `matches`.
    pub selected: usize,
    /// First list row on screen; kept so that `selected` is in view.
    pub offset: usize,
    /// Opened details, the last one on screen. Empty: the list has the focus.
    pub stack: Vec<Detail>,
    pub trail: Trail,
}

impl PaneState {
    pub fn selected_entity(&self) -> Option<EntityRef> {
        self.matches.get(self.selected).map(|m| m.entity)
    }
}

/// The jump palette: one search over every kind.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Palette {
    pub query: String,
    /// The query `matches` answers (see `PaneState::matched`).
    pub matched: String,
    pub matches: Vec<Match>,
    pub selected: usize,
    pub trail: Trail,
}

/// A list filtered by a query: a pane's, or the palette's.
trait Filtered {
    /// The query, the query its matches answer, the matches, the selection, and the trail.
    fn parts(&mut self) -> (&str, &mut String, &mut Vec<Match>, &mut usize, &mut Trail);
}

impl Filtered for PaneState {
    fn parts(&mut self) -> (&str, &mut String, &mut Vec<Match>, &mut usize, &mut Trail) {
        let p = self;
        (
            &p.query,
            &mut p.matched,
            &mut p.matches,
            &mut p.selected,
            &mut p.trail,
        )
    }
}

impl Filtered for Palette {
    fn parts(&mut self) -> (&str, &mut String, &mut Vec<Match>, &mut usize, &mut Trail) {
        let p = self;
        (
            &p.query,
            &mut p.matched,
            &mut p.matches,
            &mut p.selected,
            &mut p.trail,
        )
    }
}

/// The matches of the shorter queries typed on the way to the current one, so that deleting
/// a character takes them back instead of searching again. A cache: it never changes what
/// is shown, so states that differ only in it are equal.
#[derive(Debug, Clone, Default)]
pub struct Trail(Vec<(String, Vec<Match>)>);

impl PartialEq for Trail {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Trail {}

impl Trail {
    /// Matches kept at most (at 100k entities, the first letters' sets are the large ones).
    const MAX_MATCHES: usize = 200_000;

    /// The kept matches of `query`, if any; forgets what is not on the way to it.
    fn take(&mut self, query: &str) -> Option<Vec<Match>> {
        self.0.retain(|(q, _)| query.starts_with(q.as_str()));
        match self.0.last() {
            Some((q, _)) if q == query => self.0.pop().map(|(_, m)| m),
            _ => None,
        }
    }

    fn keep(&mut self, query: String, matches: Vec<Match>) {
        self.0.push((query, matches));
        while self.0.iter().map(|(_, m)| m.len()).sum::<usize>() > Self::MAX_MATCHES {
            self.0.remove(0);
        }
    }
}

/// Where the user was: restored by history back and forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub pane: Pane,
    pub selected: Option<EntityRef>,
    pub stack: Vec<Detail>,
}

/// The coverage matrix's cursor: a row (agreement or incident) and a norm column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MatrixState {
    /// Rows are incidents when set, agreements otherwise.
    pub incidents: bool,
    pub row: usize,
    pub col: usize,
}

impl MatrixState {
    pub fn row_kind(&self) -> Kind {
        if self.incidents {
            Kind::Incident
        } else {
            Kind::Agreement
        }
    }
}

/// The Insights pane's cursor: a bar, and an item behind it once `Enter` lists them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InsightsState {
    /// Index into the bars of all charts, in display order.
    pub bar: usize,
    pub item: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub pane: Pane,
    pub panes: [PaneState; 5],
    pub matrix: MatrixState,
    pub insights: InsightsState,
    /// Agreements marked for comparison (at most two), and whether the comparison is shown.
    pub marked: Vec<EntityRef>,
    pub comparing: bool,
    pub mode: Mode,
    pub palette: Palette,
    /// Locations before each jump, the latest last; and those undone by going back.
    pub back: Vec<Location>,
    pub forward: Vec<Location>,
    /// A one-off message for the footer, cleared by the next action.
    pub status: Option<String>,
    /// Text for the user's clipboard, taken and sent by the terminal edge.
    pub clipboard: Option<String>,
    /// List rows that fit on screen: the step of PgUp/PgDn.
    pub page: usize,
    pub quit: bool,
}

impl State {
    pub fn new(ctx: &Context) -> Self {
        let panes = Pane::ALL.map(|p| PaneState {
            query: String::new(),
            matched: String::new(),
            matches: p.kind().map_or_else(Vec::new, |k| ctx.everything(Some(k))),
            selected: 0,
            offset: 0,
            stack: Vec::new(),
            trail: Trail::default(),
        });
        Self {
            pane: Pane::Incidents,
            panes,
            matrix: MatrixState {
                incidents: true,
                ..MatrixState::default()
            },
            insights: InsightsState::default(),
            marked: Vec::new(),
            comparing: false,
            mode: Mode::Browse,
            palette: Palette::default(),
            back: Vec::new(),
            forward: Vec::new(),
            status: None,
            clipboard: None,
            page: 10,
            quit: false,
        }
    }

    pub fn current(&self) -> &PaneState {
        &self.panes[self.pane.position()]
    }

    fn current_mut(&mut self) -> &mut PaneState {
        &mut self.panes[self.pane.position()]
    }

    /// The entity in view: the open detail, else the list's selection (the matrix's row).
    pub fn focused_entity(&self) -> Option<EntityRef> {
        let p = self.current();
        p.stack
            .last()
            .map(|d| d.entity)
            .or_else(|| match self.pane {
                Pane::Matrix => Some(EntityRef::new(self.matrix.row_kind(), self.matrix.row)),
                Pane::Insights => None,
                _ => p.selected_entity(),
            })
    }

    /// Whether the matrix grid (not a detail opened from it) has the keys.
    pub fn on_grid(&self) -> bool {
        self.pane == Pane::Matrix && self.current().stack.is_empty() && self.mode == Mode::Browse
    }

    /// Whether the insight bars (not a detail opened from them) have the keys.
    pub fn on_insights(&self) -> bool {
        self.pane == Pane::Insights && self.current().stack.is_empty() && self.mode == Mode::Browse
    }

    /// The keymap mode for the next key: the matrix grid has keys of its own.
    pub fn key_mode(&self) -> Mode {
        if self.on_grid() {
            Mode::Grid
        } else {
            self.mode
        }
    }
}

/// Applies one action. Pure: the same state and action always give the same result.
pub fn update(state: &mut State, action: Action, ctx: &Context) {
    step(state, action, ctx);
    settle(state, ctx);
}

/// Applies one action of a burst without searching for a query typed: call `settle` after
/// the burst. The searches for the queries in between are never run, so a burst of typing
/// (or an Esc typed during it) never waits on them.
pub fn step(state: &mut State, action: Action, ctx: &Context) {
    // Only typing, and what drops the query or the session, may run ahead of the matches;
    // anything else sees them up to date.
    if !matches!(
        action,
        Action::Input(_) | Action::DeleteChar | Action::ClearInput | Action::Cancel | Action::Quit
    ) {
        settle(state, ctx);
    }
    apply(state, action, ctx);
}

/// Brings the matches of the current pane and of the palette up to their queries.
pub fn settle(state: &mut State, ctx: &Context) {
    settle_until(state, ctx, &|| false);
}

/// `settle`, unless `stop` interrupts a search: then `false`, and the matches stay those
/// of the last query searched to the end (the next `settle` searches again).
pub fn settle_until(state: &mut State, ctx: &Context, stop: Stop) -> bool {
    let kind = state.pane.kind();
    let searched = catch_up(ctx, None, &mut state.palette, stop)
        && catch_up(ctx, kind, &mut state.panes[state.pane.position()], stop);
    let page = state.page;
    let p = state.current_mut();
    p.offset = p
        .offset
        .min(p.selected)
        .max((p.selected + 1).saturating_sub(page));
    searched
}

/// Brings the matches of `list` up to its query, from its trail when the query is one
/// typed before, else by searching (narrowing from the last matches when the query grew).
fn catch_up(ctx: &Context, kind: Option<Kind>, list: &mut impl Filtered, stop: Stop) -> bool {
    let (query, matched, matches, selected, trail) = list.parts();
    if query == matched.as_str() {
        return true;
    }
    let found = match trail.take(query) {
        Some(found) => found,
        None => match ctx.matches(kind, query, Some((matched, matches)), stop) {
            Some(found) => found,
            None => return false,
        },
    };
    let was = std::mem::replace(matched, query.to_owned());
    let old = std::mem::replace(matches, found);
    if !was.trim().is_empty() && query.starts_with(was.as_str()) {
        trail.keep(was, old);
    }
    *selected = 0;
    true
}

fn apply(state: &mut State, action: Action, ctx: &Context) {
    state.status = None;
    match action {
        Action::Pane(p) => state.pane = p,
        Action::NextPane => state.pane = Pane::ALL[(state.pane.position() + 1) % Pane::ALL.len()],
        Action::PrevPane => {
            state.pane = Pane::ALL[(state.pane.position() + Pane::ALL.len() - 1) % Pane::ALL.len()]
        }
        Action::Move(m) if state.on_grid() => {
            let rows = ctx.catalog.count(state.matrix.row_kind());
            state.matrix.row = moved(state.matrix.row, rows, m, state.page);
        }
        Action::Column(m) => {
            let cols = ctx.catalog.count(Kind::Norm);
            state.matrix.col = moved(state.matrix.col, cols, m, state.page);
        }
        Action::ToggleRows => {
            state.matrix.incidents = !state.matrix.incidents;
            state.matrix.row = 0;
        }
        Action::Move(m) if state.on_insights() => {
            let ins = &mut state.insights;
            match ins.item {
                Some(item) => {
                    let len = bar(ctx, ins.bar).map_or(0, |b| b.items.len());
                    ins.item = Some(moved(item, len, m, state.page));
                }
                None => {
                    let bars = ctx.charts.iter().map(|c| c.bars.len()).sum();
                    ins.bar = moved(ins.bar, bars, m, state.page);
                }
            }
        }
        Action::Open if state.on_grid() => {
            let m = &state.matrix;
            let row = EntityRef::new(m.row_kind(), m.row);
            if m.row < ctx.catalog.count(m.row_kind()) {
                let selected = crate::insights::link_index(&ctx.catalog, row, m.col).unwrap_or(0);
                state.current_mut().stack.push(Detail {
                    entity: row,
                    selected,
                });
            }
        }
        Action::Open if state.on_insights() => {
            let ins = &mut state.insights;
            let items = bar(ctx, ins.bar).map_or(&[][..], |b| &b.items[..]);
            match ins.item {
                None if !items.is_empty() => ins.item = Some(0),
                None => {}
                Some(i) => {
                    if let Some(&entity) = items.get(i) {
                        state.current_mut().stack.push(Detail {
                            entity,
                            selected: 0,
                        });
                    }
                }
            }
        }
        Action::Back if state.on_insights() && state.insights.item.is_some() => {
            state.insights.item = None;
        }
        Action::Back if state.comparing && state.current().stack.is_empty() => {
            state.comparing = false;
        }
        Action::Mark if state.pane == Pane::Agreements && state.current().stack.is_empty() => {
            if let Some(e) = state.current().selected_entity() {
                if let Some(at) = state.marked.iter().position(|&m| m == e) {
                    state.marked.remove(at);
                } else {
                    state.marked.push(e);
                    if state.marked.len() > 2 {
                        state.marked.remove(0);
                    }
                }
            }
        }
        Action::Mark => {}
        Action::Compare if state.pane == Pane::Agreements && state.marked.len() == 2 => {
            state.current_mut().stack.clear();
            state.comparing = true;
        }
        Action::Compare => {
            state.status =
                Some("mark two agreements with Space in the Agreements pane, then press c".into());
        }
        Action::Move(m) if state.mode == Mode::Palette => {
            let p = &mut state.palette;
            p.selected = moved(p.selected, p.matches.len(), m, state.page);
        }
        Action::Move(m) => move_selection(state, m, ctx),
        Action::Open => open(state, ctx),
        Action::Back => {
            let p = state.current_mut();
            if p.stack.pop().is_none() && !p.query.is_empty() {
                clear_filter(state, ctx);
            }
        }
        Action::SearchStart if state.pane.kind().is_some() => {
            state.current_mut().stack.clear();
            state.comparing = false;
            state.mode = Mode::Search;
        }
        Action::SearchStart => {}
        Action::PaletteOpen => {
            state.palette = Palette {
                matches: ctx.everything(None),
                ..Palette::default()
            };
            state.mode = Mode::Palette;
        }
        Action::Input(_) | Action::DeleteChar | Action::ClearInput => {
            let q = match state.mode {
                Mode::Palette => &mut state.palette.query,
                _ => &mut state.current_mut().query,
            };
            match action {
                Action::Input(ch) => q.push(ch),
                Action::DeleteChar => drop(q.pop()),
                _ => q.clear(),
            }
        }
        Action::Accept if state.mode == Mode::Palette => {
            state.mode = Mode::Browse;
            let p = &state.palette;
            if let Some(e) = p.matches.get(p.selected).map(|m| m.entity) {
                state.back.push(location(state));
                state.forward.clear();
                go_to(state, ctx, e);
            }
        }
        Action::Accept => state.mode = Mode::Browse,
        Action::Cancel if state.mode == Mode::Palette => state.mode = Mode::Browse,
        Action::Cancel => {
            state.mode = Mode::Browse;
            clear_filter(state, ctx);
        }
        Action::HistoryBack => travel(state, ctx, true),
        Action::HistoryForward => travel(state, ctx, false),
        Action::Copy(what) => copy(state, ctx, what),
        Action::Help => state.mode = Mode::Help,
        Action::CloseHelp => state.mode = Mode::Browse,
        Action::Redraw => {}
        Action::Viewport(rows) => state.page = rows.max(1),
        Action::Quit => state.quit = true,
    }
}

/// The bar at `index` counting through every chart's bars in display order.
pub fn bar(ctx: &Context, index: usize) -> Option<&crate::insights::Bar> {
    ctx.charts.iter().flat_map(|c| &c.bars).nth(index)
}

/// The pane an entity is shown in (norm sets belong with their norms).
fn pane_of(kind: Kind) -> Pane {
    match kind {
        Kind::Agreement => Pane::Agreements,
        Kind::Norm | Kind::NormSet => Pane::Norms,
        Kind::Incident => Pane::Incidents,
    }
}

fn location(state: &State) -> Location {
    let p = state.current();
    Location {
        pane: state.pane,
        selected: p.selected_entity(),
        stack: p.stack.clone(),
    }
}

/// Shows `loc`: its pane, its drill-down, its list selection (clearing a filter that hides it).
fn restore(state: &mut State, ctx: &Context, loc: Location) {
    state.pane = loc.pane;
    if let Some(e) = loc.selected {
        if !state.current().matches.iter().any(|m| m.entity == e) {
            clear_filter(state, ctx);
        }
        let p = state.current_mut();
        p.selected = p.matches.iter().position(|m| m.entity == e).unwrap_or(0);
    }
    state.current_mut().stack = loc.stack;
}

/// Opens `e` in its pane, selected in the list when it is listed there.
fn go_to(state: &mut State, ctx: &Context, e: EntityRef) {
    let listed = pane_of(e.kind).kind() == Some(e.kind);
    let loc = Location {
        pane: pane_of(e.kind),
        selected: listed.then_some(e),
        stack: vec![Detail {
            entity: e,
            selected: 0,
        }],
    };
    restore(state, ctx, loc);
}

fn travel(state: &mut State, ctx: &Context, back: bool) {
    let popped = if back {
        state.back.pop()
    } else {
        state.forward.pop()
    };
    let Some(loc) = popped else {
        let way = if back { "back" } else { "forward" };
        state.status = Some(format!("no further {way}"));
        return;
    };
    let here = location(state);
    if back {
        state.forward.push(here);
    } else {
        state.back.push(here);
    }
    restore(state, ctx, loc);
}

fn copy(state: &mut State, ctx: &Context, what: CopyWhat) {
    let focused = state.focused_entity();
    let Some(e) = focused.filter(|e| e.index < ctx.catalog.count(e.kind)) else {
        state.status = Some("nothing to copy".into());
        return;
    };
    let c = &ctx.catalog;
    let (text, what) = match what {
        CopyWhat::Card => (
            crate::card::card(c, e, crate::card::Style::Markdown),
            format!("citation card of {}", c.short_label(e)),
        ),
        CopyWhat::Id if e.kind == Kind::Norm => (c.norm_code(e.index), "norm code".to_owned()),
        CopyWhat::Id => (c.id(e).to_owned(), "id".to_owned()),
    };
    let lines = text.lines().count();
    state.status = Some(format!(
        "copied {what} ({lines} line{}) to your clipboard",
        if lines == 1 { "" } else { "s" }
    ));
    state.clipboard = Some(text);
}

/// Clears the current pane's filter at once, keeping the selected entity selected.
/// Clears the pane's filter, keeping selected what was selected on screen: the matches of
/// the last query searched to the end, which a query typed since has not replaced yet.
fn clear_filter(state: &mut State, ctx: &Context) {
    let Some(kind) = state.pane.kind() else {
        return;
    };
    let p = state.current_mut();
    let was = p.selected_entity();
    p.query.clear();
    p.matched.clear();
    p.trail = Trail::default();
    p.matches = ctx.everything(Some(kind));
    p.selected = (was.and_then(|e| p.matches.iter().position(|m| m.entity == e))).unwrap_or(0);
}

fn open(state: &mut State, ctx: &Context) {
    let p = state.current_mut();
    let target = match p.stack.last() {
        Some(d) => ctx
            .catalog
            .links(d.entity)
            .get(d.selected)
            .map(|l| l.target),
        None => p.selected_entity(),
    };
    if let Some(entity) = target {
        p.stack.push(Detail {
            entity,
            selected: 0,
        });
    }
}

fn move_selection(state: &mut State, motion: Motion, ctx: &Context) {
    let page = state.page;
    let p = state.current_mut();
    let (cursor, len) = match p.stack.last_mut() {
        Some(d) => (&mut d.selected, ctx.catalog.stops(d.entity)),
        None => (&mut p.selected, p.matches.len()),
    };
    *cursor = moved(*cursor, len, motion, page);
}

/// Where a cursor at `at` in a list of `len` lands after `motion`; always within the list.
fn moved(at: usize, len: usize, motion: Motion, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let to = match motion {
        Motion::Up => at.saturating_sub(1),
        Motion::Down => at + 1,
        Motion::Top => 0,
        Motion::Bottom => last,
        Motion::PageUp => at.saturating_sub(page),
        Motion::PageDown => at + page,
        Motion::HalfUp => at.saturating_sub(page.div_ceil(2)),
        Motion::HalfDown => at + page.div_ceil(2),
    };
    to.min(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_within_the_list() {
        assert_eq!(moved(0, 5, Motion::Up, 3), 0);
        assert_eq!(moved(4, 5, Motion::Down, 3), 4);
        assert_eq!(moved(1, 5, Motion::PageDown, 3), 4);
        assert_eq!(moved(4, 5, Motion::PageUp, 3), 1);
        assert_eq!(moved(0, 5, Motion::HalfDown, 3), 2);
        assert_eq!(moved(0, 5, Motion::Bottom, 3), 4);
        assert_eq!(
            moved(3, 0, Motion::Down, 3),
            0,
            "an empty list keeps the cursor at 0"
        );
    }
}
