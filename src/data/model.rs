//! The serde types of the RON dataset. Field names here are the dataset's field names
//! (and those of `cybernorms dump --json`); every struct rejects unknown fields.

use serde::{Deserialize, Serialize};

/// The whole dataset file: `Dataset(version: "..", date: "..", norm_sets: [..], norms: [..],
/// agreements: [..], incidents: [..])`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The dataset's own version (`1.0.0`), raised with every published change.
    #[serde(default)]
    pub version: String,
    /// When it was last revised, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    pub norm_sets: Vec<NormSet>,
    pub norms: Vec<Norm>,
    pub agreements: Vec<Agreement>,
    pub incidents: Vec<Incident>,
}

/// A published list of norms or principles, e.g. the UN GGE 2015 report's paragraph 13.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormSet {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub year: u16,
    pub made_by: String,
    pub url: String,
    pub sources: Vec<Source>,
}

/// One norm or principle of a set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Norm {
    pub id: String,
    /// Id of the norm set it belongs to.
    pub set: String,
    /// The official code as the set writes it: `13(f)`, `Principle 5`, `Norm 3`.
    pub code: String,
    /// Short title, in our words unless the set gives one.
    pub name: String,
    /// Plain-language summary, in our words.
    pub summary: String,
    /// Other ways people refer to it: `#6` (the BPF's numbering), `norm f`, `13f`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it is about, from the theme vocabulary.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Norms of other sets that express the same idea (ids).
    #[serde(default)]
    pub equivalents: Vec<String>,
    pub sources: Vec<Source>,
}

/// The small vocabulary of what norms are about (documented in `dataset/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Theme {
    HumanRights,
    Cooperation,
    Restraint,
    CriticalInfrastructure,
    SupplyChain,
    VulnerabilityDisclosure,
    CertProtection,
    PublicCore,
    Elections,
    IntellectualProperty,
    NonStateOffensive,
    CyberHygiene,
    CapacityBuilding,
    InternationalLaw,
    Attribution,
    Cybercrime,
    ConfidenceBuilding,
}

impl Theme {
    /// The number of the matching element (or category) in the BPF's 2021 mapping, where a
    /// BPF text gives it (see `dataset/README.md`).
    pub fn bpf_element(self) -> Option<&'static str> {
        match self {
            Self::HumanRights => Some("element 1.1"),
            Self::Cooperation => Some("element 4.1"),
            Self::Restraint => Some("category 5"),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::HumanRights => "human rights",
            Self::Cooperation => "cooperation",
            Self::Restraint => "restraint",
            Self::CriticalInfrastructure => "critical infrastructure",
            Self::SupplyChain => "supply chain",
            Self::VulnerabilityDisclosure => "vulnerability disclosure",
            Self::CertProtection => "CERT protection",
            Self::PublicCore => "public core",
            Self::Elections => "elections",
            Self::IntellectualProperty => "intellectual property",
            Self::NonStateOffensive => "non-state offensive operations",
            Self::CyberHygiene => "cyber hygiene",
            Self::CapacityBuilding => "capacity building",
            Self::InternationalLaw => "international law",
            Self::Attribution => "attribution",
            Self::Cybercrime => "cybercrime",
            Self::ConfidenceBuilding => "confidence building",
        }
    }
}

/// What kind of instrument an agreement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreementKind {
    BindingTreaty,
    NonBindingDeclaration,
    Report,
    Resolution,
    ModelLaw,
    IndustryCommitment,
    MultistakeholderCall,
    TechnicalNorm,
}

impl AgreementKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::BindingTreaty => "binding treaty",
            Self::NonBindingDeclaration => "non-binding declaration",
            Self::Report => "report",
            Self::Resolution => "resolution",
            Self::ModelLaw => "model law",
            Self::IndustryCommitment => "industry commitment",
            Self::MultistakeholderCall => "multistakeholder call",
            Self::TechnicalNorm => "technical norm",
        }
    }
}

/// An international cybersecurity agreement, declaration, report or commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub year: u16,
    pub kind: AgreementKind,
    /// Who made it: `States (African Union)`, `34 technology companies`.
    pub made_by: String,
    /// Where it applies: `Global`, `Regional (Africa)`.
    pub scope: String,
    /// What it says, in our words.
    pub summary: String,
    pub url: String,
    /// Norms it contains in its own text (ids).
    #[serde(default)]
    pub norms: Vec<String>,
    /// Norms of other sets that it echoes, with why we say so.
    #[serde(default)]
    pub echoes: Vec<NormLink>,
    /// Years in which the BPF on Cybersecurity analysed it (empty: not known to be analysed).
    #[serde(default)]
    pub bpf_analysed: Vec<u16>,
    pub sources: Vec<Source>,
}

/// Whose judgement a link between a norm and another entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The BPF on Cybersecurity's own published analysis, in the given year.
    Bpf(u16),
    /// This project's own analysis.
    Editorial,
}

impl Basis {
    /// `BPF 2021` or `Editorial`, as shown next to every link.
    pub fn label(self) -> String {
        match self {
            Basis::Bpf(y) => format!("BPF {y}"),
            Basis::Editorial => "Editorial".into(),
        }
    }
}

/// A link from an incident or agreement to a norm, with why and whose judgement it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormLink {
    pub norm: String,
    pub rationale: String,
    pub basis: Basis,
}

/// Who publicly attributed an incident to whom, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// The actor as named: `Russia's GRU (Sandworm)`.
    pub actor: String,
    /// Other names of the actor: `APT28`, `Fancy Bear`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Who made the attribution: `US, UK and Australian governments`.
    pub by: String,
    /// When, as the source gives it: `December 2017`, `15 April 2021`.
    pub date: String,
    /// Whether a government made it officially (as opposed to researchers or the press).
    pub official: bool,
}

/// A historical cyber incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// First year of the incident (discovery or start).
    pub year: u16,
    /// Last year, when it ran over several years.
    #[serde(default)]
    pub end_year: Option<u16>,
    /// The key dates in words, as the sources give them.
    pub dates: String,
    pub summary: String,
    pub impact: String,
    pub sectors: Vec<String>,
    /// Countries affected.
    #[serde(default)]
    pub countries: Vec<String>,
    /// The BPF's 2023 impact categories that apply.
    #[serde(default)]
    pub impacts: Vec<ImpactCategory>,
    /// Public attributions; empty means not publicly attributed.
    #[serde(default)]
    pub attribution: Vec<Attribution>,
    pub mitigations: Vec<NormLink>,
    #[serde(default)]
    pub lessons: Vec<String>,
    /// The year of the BPF's work that studied this incident, when a source shows it did.
    #[serde(default)]
    pub bpf_case: Option<u16>,
    pub sources: Vec<Source>,
}

/// The impact categories of the BPF's 2023 work plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImpactCategory {
    People,
    CriticalInfrastructure,
    GovernmentServices,
    TechnicalInfrastructure,
    IncidentResponders,
}

impl ImpactCategory {
    pub fn label(self) -> &'static str {
        match self {
            Self::People => "people",
            Self::CriticalInfrastructure => "critical infrastructure",
            Self::GovernmentServices => "government services",
            Self::TechnicalInfrastructure => "technical infrastructure",
            Self::IncidentResponders => "incident responders",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}
