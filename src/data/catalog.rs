//! The resolved, indexed dataset: lookups by id, display labels, and links both ways.
//! Built once after validation; read-only afterwards.

use std::collections::HashMap;

use super::model::{Agreement, Dataset, Incident, Norm, NormLink, NormSet, Source};

/// The four kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    NormSet,
    Norm,
    Agreement,
    Incident,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::NormSet => "norm set",
            Kind::Norm => "norm",
            Kind::Agreement => "agreement",
            Kind::Incident => "incident",
        }
    }
}

/// A handle on one entity of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub kind: Kind,
    pub index: usize,
}

impl EntityRef {
    pub fn new(kind: Kind, index: usize) -> Self {
        Self { kind, index }
    }
}

/// Why two entities are linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// A norm and the set it belongs to.
    Set,
    /// Two norms of different sets that express the same idea (either one may list the other).
    Equivalent,
    /// An agreement's own text contains the norm.
    Contains,
    /// An agreement echoes a norm of another set: `owner.echoes[index]`.
    Echoes { owner: usize, index: usize },
    /// A norm would have mitigated an incident: `incidents[owner].mitigations[index]`.
    Mitigates { owner: usize, index: usize },
    /// An agreement bears on an incident through these norms (indexes into `norms`).
    Via(Vec<usize>),
}

/// A block of an entity's detail after its links, selectable like a link so that every part
/// of the detail can be brought into view from the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// An incident's dates, attribution, sectors, countries and impact.
    Details,
    Lessons,
    Sources,
}

/// One entry of an entity's link list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub target: EntityRef,
    pub relation: Relation,
}

pub struct Catalog {
    data: Dataset,
    index: CatalogIndex,
}

/// What `Catalog` knows beyond the data itself.
pub struct CatalogIndex {
    by_id: HashMap<String, EntityRef>,
    /// Index of each norm's set.
    norm_set: Vec<usize>,
    /// Links of every entity, per kind, in display order (but for the agreement-to-incident
    /// links, which are derived on demand: at 100k entities there are millions).
    links: HashMap<Kind, Vec<Vec<Link>>>,
    /// Agreement index -> the norm indexes it carries.
    carried: Vec<Vec<usize>>,
    /// Norm index -> (incident index, position in its mitigations).
    mitigated: Vec<Vec<(usize, usize)>>,
}

impl Catalog {
    /// Indexes a dataset that passed validation. Dangling references are skipped, never panicked on.
    pub fn new(data: Dataset) -> Self {
        let index = Self::index(&data);
        Self::from_parts(data, index)
    }

    /// The catalog of `data` with its `index`, built from the same data.
    pub fn from_parts(data: Dataset, index: CatalogIndex) -> Self {
        Self { data, index }
    }

    /// Ids, links and reverse links of a dataset, built without owning it (so that
    /// validation can run alongside).
    pub fn index(data: &Dataset) -> CatalogIndex {
        let mut by_id = HashMap::new();
        for kind in [Kind::NormSet, Kind::Norm, Kind::Agreement, Kind::Incident] {
            for index in 0..count(data, kind) {
                let r = EntityRef::new(kind, index);
                by_id.entry(id_of(data, r).to_owned()).or_insert(r);
            }
        }
        let find = |id: &str, kind: Kind| {
            by_id
                .get(id)
                .copied()
                .filter(|r: &EntityRef| r.kind == kind)
        };
        let norm_set: Vec<usize> = (data.norms.iter())
            .map(|n| find(&n.set, Kind::NormSet).map_or(usize::MAX, |r| r.index))
            .collect();

        let mut set_links = vec![Vec::new(); data.norm_sets.len()];
        let mut norm_links: Vec<Vec<Link>> = vec![Vec::new(); data.norms.len()];
        let mut agreement_links = vec![Vec::new(); data.agreements.len()];
        let mut incident_links = vec![Vec::new(); data.incidents.len()];
        // Agreement index -> norm indexes it carries, to find the incidents it bears on.
        let mut carried: Vec<Vec<usize>> = vec![Vec::new(); data.agreements.len()];

        for (n, &s) in norm_set.iter().enumerate() {
            if let Some(links) = set_links.get_mut(s) {
                links.push(Link {
                    target: EntityRef::new(Kind::Norm, n),
                    relation: Relation::Set,
                });
                norm_links[n].push(Link {
                    target: EntityRef::new(Kind::NormSet, s),
                    relation: Relation::Set,
                });
            }
        }
        for (n, norm) in data.norms.iter().enumerate() {
            for other in norm
                .equivalents
                .iter()
                .filter_map(|id| find(id, Kind::Norm))
            {
                for (from, to) in [(n, other.index), (other.index, n)] {
                    let link = Link {
                        target: EntityRef::new(Kind::Norm, to),
                        relation: Relation::Equivalent,
                    };
                    if from != to && !norm_links[from].contains(&link) {
                        norm_links[from].push(link);
                    }
                }
            }
        }
        for (a, agreement) in data.agreements.iter().enumerate() {
            let contained = agreement.norms.iter().map(|id| (id, Relation::Contains));
            let echoed = (agreement.echoes.iter().enumerate())
                .map(|(index, l)| (&l.norm, Relation::Echoes { owner: a, index }));
            for (id, relation) in contained.chain(echoed) {
                if let Some(n) = find(id, Kind::Norm) {
                    agreement_links[a].push(Link {
                        target: n,
                        relation: relation.clone(),
                    });
                    norm_links[n.index].push(Link {
                        target: EntityRef::new(Kind::Agreement, a),
                        relation,
                    });
                    carried[a].push(n.index);
                }
            }
        }
        // Norm index -> (incident index, position in its mitigations), for the agreements.
        let mut mitigated: Vec<Vec<(usize, usize)>> = vec![Vec::new(); data.norms.len()];
        for (i, incident) in data.incidents.iter().enumerate() {
            for (index, m) in incident.mitigations.iter().enumerate() {
                if let Some(n) = find(&m.norm, Kind::Norm) {
                    let relation = Relation::Mitigates { owner: i, index };
                    incident_links[i].push(Link {
                        target: n,
                        relation: relation.clone(),
                    });
                    norm_links[n.index].push(Link {
                        target: EntityRef::new(Kind::Incident, i),
                        relation,
                    });
                    mitigated[n.index].push((i, index));
                }
            }
        }
        let links = HashMap::from([
            (Kind::NormSet, set_links),
            (Kind::Norm, norm_links),
            (Kind::Agreement, agreement_links),
            (Kind::Incident, incident_links),
        ]);
        CatalogIndex {
            by_id,
            norm_set,
            links,
            carried,
            mitigated,
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    /// The dataset's version and date as one phrase (`version 1.0.0 of 2026-11-24`), when
    /// it gives either.
    pub fn edition(&self) -> Option<String> {
        let (version, date) = (&self.data.version, &self.data.date);
        match (version.is_empty(), date.is_empty()) {
            (false, false) => Some(format!("version {version} of {date}")),
            (false, true) => Some(format!("version {version}")),
            (true, false) => Some(format!("of {date}")),
            (true, true) => None,
        }
    }

    pub fn count(&self, kind: Kind) -> usize {
        count(&self.data, kind)
    }

    pub fn get(&self, id: &str) -> Option<EntityRef> {
        self.index.by_id.get(id).copied()
    }

    pub fn id(&self, e: EntityRef) -> &str {
        id_of(&self.data, e)
    }

    pub fn norm_set(&self, i: usize) -> &NormSet {
        &self.data.norm_sets[i]
    }
    pub fn norm(&self, i: usize) -> &Norm {
        &self.data.norms[i]
    }
    pub fn agreement(&self, i: usize) -> &Agreement {
        &self.data.agreements[i]
    }
    pub fn incident(&self, i: usize) -> &Incident {
        &self.data.incidents[i]
    }

    /// The set a norm belongs to.
    pub fn set_of(&self, norm: usize) -> Option<&NormSet> {
        self.data.norm_sets.get(self.index.norm_set[norm])
    }

    /// The norm link a relation points at, for those relations that carry one.
    pub fn norm_link(&self, relation: &Relation) -> Option<&NormLink> {
        match *relation {
            Relation::Echoes { owner, index } => self.data.agreements[owner].echoes.get(index),
            Relation::Mitigates { owner, index } => {
                self.data.incidents[owner].mitigations.get(index)
            }
            _ => None,
        }
    }

    /// The entity's links, in display order: those stored, then those derived on demand
    /// (an agreement's incidents, a norm's concordance).
    pub fn links(&self, e: EntityRef) -> Vec<Link> {
        let mut links = self.stored_links(e).to_vec();
        match e.kind {
            Kind::Agreement => links.extend(self.incidents_via(e.index)),
            Kind::Norm => links.extend(self.concordance(e.index, &links)),
            _ => {}
        }
        links
    }

    /// The links built with the catalog: sets, equivalents, what agreements carry, what
    /// incidents engage. Cheap to read, for counting.
    pub fn stored_links(&self, e: EntityRef) -> &[Link] {
        (self.index.links.get(&e.kind))
            .and_then(|l| l.get(e.index))
            .map_or(&[], Vec::as_slice)
    }

    /// The agreements that carry a norm equivalent to `norm` but not `norm` itself: the
    /// same idea across processes. `links` are the norm's own links.
    fn concordance(&self, norm: usize, links: &[Link]) -> Vec<Link> {
        let own: Vec<EntityRef> = (links.iter())
            .filter(|l| l.target.kind == Kind::Agreement)
            .map(|l| l.target)
            .collect();
        let mut found: Vec<(EntityRef, usize)> = Vec::new();
        for equivalent in links.iter().filter(|l| l.relation == Relation::Equivalent) {
            let n = equivalent.target.index;
            for (a, carried) in self.index.carried.iter().enumerate() {
                let agreement = EntityRef::new(Kind::Agreement, a);
                if carried.contains(&n) && !own.contains(&agreement) && n != norm {
                    found.push((agreement, n));
                }
            }
        }
        found.sort_unstable();
        found
            .chunk_by(|x, y| x.0 == y.0)
            .map(|group| Link {
                target: group[0].0,
                relation: Relation::Via(group.iter().map(|&(_, n)| n).collect()),
            })
            .collect()
    }

    /// The incidents an agreement bears on, each with the carried norms that would have
    /// mitigated it (in the incident's mitigation order), incidents in dataset order.
    fn incidents_via(&self, agreement: usize) -> Vec<Link> {
        let mut hits: Vec<(usize, usize, usize)> = (self.index.carried[agreement].iter())
            .flat_map(|&n| {
                self.index.mitigated[n]
                    .iter()
                    .map(move |&(i, pos)| (i, pos, n))
            })
            .collect();
        hits.sort_unstable();
        hits.dedup();
        hits.chunk_by(|a, b| a.0 == b.0)
            .map(|group| Link {
                target: EntityRef::new(Kind::Incident, group[0].0),
                relation: Relation::Via(group.iter().map(|&(_, _, n)| n).collect()),
            })
            .collect()
    }

    /// The sections that follow the links in the entity's detail.
    pub fn sections(&self, e: EntityRef) -> Vec<Section> {
        let mut sections = Vec::new();
        if e.kind == Kind::Incident {
            sections.push(Section::Details);
            if !self.incident(e.index).lessons.is_empty() {
                sections.push(Section::Lessons);
            }
        }
        sections.push(Section::Sources);
        sections
    }

    /// How many places the cursor can stop at in the entity's detail: links, then sections.
    pub fn stops(&self, e: EntityRef) -> usize {
        self.links(e).len() + self.sections(e).len()
    }

    /// A short unambiguous name, as the breadcrumb shows it: `WannaCry`, `Paris Call`, `UN GGE 2015 13(f)`.
    pub fn short_label(&self, e: EntityRef) -> String {
        match e.kind {
            Kind::NormSet => self.norm_set(e.index).short_name.clone(),
            Kind::Norm => self.norm_code(e.index),
            Kind::Agreement => self.agreement(e.index).short_name.clone(),
            Kind::Incident => self.incident(e.index).name.clone(),
        }
    }

    /// A norm's code qualified by its set: `UN GGE 2015 13(f)`, `Paris Call Principle 2`.
    pub fn norm_code(&self, i: usize) -> String {
        let n = self.norm(i);
        match self.set_of(i) {
            Some(set) => format!("{} {}", set.short_name, n.code),
            None => n.code.clone(),
        }
    }

    /// The label of an entity's row in a list; search highlights refer to its characters.
    pub fn row_label(&self, e: EntityRef) -> String {
        match e.kind {
            Kind::NormSet => self.norm_set(e.index).name.clone(),
            Kind::Norm => format!("{}: {}", self.norm_code(e.index), self.norm(e.index).name),
            Kind::Agreement => {
                let a = self.agreement(e.index);
                format!("{} {}", a.year, a.short_name)
            }
            Kind::Incident => {
                let i = self.incident(e.index);
                format!("{} {}", year_span(i.year, i.end_year), i.name)
            }
        }
    }

    /// Further text a search matches besides the row label: ids, full names, aliases.
    pub fn search_keys(&self, e: EntityRef) -> Vec<&str> {
        let mut keys = vec![self.id(e)];
        match e.kind {
            Kind::NormSet => keys.push(&self.norm_set(e.index).short_name),
            Kind::Norm => {
                let n = self.norm(e.index);
                keys.push(&n.code);
                keys.extend(n.aliases.iter().map(String::as_str));
            }
            Kind::Agreement => keys.push(&self.agreement(e.index).name),
            Kind::Incident => {
                let i = self.incident(e.index);
                keys.extend(i.aliases.iter().map(String::as_str));
                for a in &i.attribution {
                    keys.push(&a.actor);
                    keys.extend(a.aliases.iter().map(String::as_str));
                }
            }
        }
        keys
    }

    /// The sources of any entity.
    pub fn sources(&self, e: EntityRef) -> &[Source] {
        match e.kind {
            Kind::NormSet => &self.norm_set(e.index).sources,
            Kind::Norm => &self.norm(e.index).sources,
            Kind::Agreement => &self.agreement(e.index).sources,
            Kind::Incident => &self.incident(e.index).sources,
        }
    }
}

/// `2017` or `2016–2021`.
pub fn year_span(start: u16, end: Option<u16>) -> String {
    match end {
        Some(end) if end != start => format!("{start}–{end}"),
        _ => start.to_string(),
    }
}

fn count(data: &Dataset, kind: Kind) -> usize {
    match kind {
        Kind::NormSet => data.norm_sets.len(),
        Kind::Norm => data.norms.len(),
        Kind::Agreement => data.agreements.len(),
        Kind::Incident => data.incidents.len(),
    }
}

fn id_of(data: &Dataset, e: EntityRef) -> &str {
    match e.kind {
        Kind::NormSet => &data.norm_sets[e.index].id,
        Kind::Norm => &data.norms[e.index].id,
        Kind::Agreement => &data.agreements[e.index].id,
        Kind::Incident => &data.incidents[e.index].id,
    }
}
