//! Which column of an org chart holds what: the roles guessed from header words ("Reports To",
//! "Manager", "Dept", "E-mail"…), an explicit mapping from the import dialog or the command line
//! that overrides the guess, and the columns found in a table.

use super::super::table::Table;
use crate::error::{CoreError, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Which column holds what, by header text. `None`: no such column. In an explicit mapping, an
/// empty header (`title=`) says "this file has no such column" and overrides the guess.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ColumnMapping {
    #[serde(default)]
    pub name: Option<String>,
    /// Used when there is no single name column: "First Name" + "Last Name".
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub reports_to: Option<String>,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    /// Since when the person holds the position (a year, month or day).
    #[serde(default)]
    pub from: Option<String>,
    /// Until when they held it.
    #[serde(default)]
    pub until: Option<String>,
}

/// The roles a column can play, in the order a header is tested against them: a "Manager Email"
/// column is the manager, not the person's e-mail; an "Employee ID" column is the id, not the name.
const RULES: &[(&str, &[&str])] = &[
    (
        "reports_to",
        &[
            "reports to",
            "reporting to",
            "report to",
            "manager",
            "supervisor",
            "boss",
            "line manager",
            "reports",
            "supervised by",
            "managed by",
            "evaluator",
        ],
    ),
    ("email", &["email", "e mail", "mail", "email address"]),
    (
        "from",
        &[
            "from",
            "since",
            "start",
            "start date",
            "from date",
            "hired",
            "hire date",
            "began",
        ],
    ),
    (
        "until",
        &[
            "until",
            "end",
            "end date",
            "until date",
            "left",
            "ended",
            "leaving date",
        ],
    ),
    (
        "first_name",
        &["first name", "firstname", "given name", "forename"],
    ),
    (
        "last_name",
        &["last name", "lastname", "surname", "family name"],
    ),
    (
        "id",
        &[
            "id",
            "employee id",
            "emp id",
            "staff id",
            "employee number",
            "number",
            "no",
            "code",
            "badge",
        ],
    ),
    (
        "title",
        &[
            "title",
            "job title",
            "position",
            "role",
            "job",
            "job role",
            "post",
        ],
    ),
    (
        "department",
        &[
            "department",
            "dept",
            "division",
            "office",
            "unit",
            "team",
            "program",
            "department name",
            "org unit",
            "school",
            "site",
            "location",
        ],
    ),
    (
        "name",
        &[
            "name",
            "full name",
            "employee",
            "employee name",
            "person",
            "staff",
            "staff name",
            "display name",
            "who",
        ],
    ),
];

/// Lower case, punctuation as spaces, single spaces: "Reports-To " → "reports to".
fn normalise(header: &str) -> String {
    header
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the normalised header is, or contains as whole words, one of the phrases.
fn matches(header: &str, phrases: &[&str]) -> bool {
    let padded = format!(" {header} ");
    phrases.iter().any(|p| padded.contains(&format!(" {p} ")))
}

impl ColumnMapping {
    /// Guesses each column's role from its header. Each role goes to the first column that fits.
    pub fn guess(headers: &[String]) -> Self {
        let mut m = ColumnMapping::default();
        for header in headers {
            let norm = normalise(header);
            if norm.is_empty() {
                continue;
            }
            let role = RULES
                .iter()
                .find(|(_, phrases)| matches(&norm, phrases))
                .map(|(role, _)| *role);
            if let Some(role) = role {
                let slot = m.slot(role).expect("every rule names a slot");
                if slot.is_none() {
                    *slot = Some(header.clone());
                }
            }
        }
        if m.name.is_some() {
            // A full-name column makes first/last name redundant.
            m.first_name = None;
            m.last_name = None;
        }
        m
    }

    /// Reads `name=Full Name,reports_to=Supervisor,title=` (roles: name, first_name, last_name,
    /// title, reports_to, department, email, id, from, until; an empty header means "no such
    /// column").
    pub fn parse(spec: &str) -> Result<Self> {
        let mut m = ColumnMapping::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, header) = part.split_once('=').ok_or_else(|| {
                CoreError::new(
                    ErrorKind::InvalidValue,
                    format!("“{part}” is not role=Header (for example name=Full Name)."),
                )
            })?;
            let role = normalise(role).replace(' ', "_");
            let slot = m.slot(&role).ok_or_else(|| {
                CoreError::new(
                    ErrorKind::InvalidValue,
                    format!(
                        "“{role}” is not a column role; use name, first_name, last_name, title, reports_to, department, email, id, from or until."
                    ),
                )
            })?;
            *slot = Some(header.trim().to_owned());
        }
        Ok(m)
    }

    fn slot(&mut self, role: &str) -> Option<&mut Option<String>> {
        Some(match role {
            "name" => &mut self.name,
            "first_name" => &mut self.first_name,
            "last_name" => &mut self.last_name,
            "title" => &mut self.title,
            "reports_to" | "manager" => &mut self.reports_to,
            "department" | "dept" => &mut self.department,
            "email" => &mut self.email,
            "id" => &mut self.id,
            "from" => &mut self.from,
            "until" => &mut self.until,
            _ => return None,
        })
    }

    /// The guess for `headers` with every role `explicit` names put over it.
    pub fn resolve(headers: &[String], explicit: Option<&ColumnMapping>) -> Self {
        let mut m = Self::guess(headers);
        if let Some(x) = explicit {
            for (mine, theirs) in [
                (&mut m.name, &x.name),
                (&mut m.first_name, &x.first_name),
                (&mut m.last_name, &x.last_name),
                (&mut m.title, &x.title),
                (&mut m.reports_to, &x.reports_to),
                (&mut m.department, &x.department),
                (&mut m.email, &x.email),
                (&mut m.id, &x.id),
                (&mut m.from, &x.from),
                (&mut m.until, &x.until),
            ] {
                if let Some(h) = theirs {
                    *mine = (!h.trim().is_empty()).then(|| h.trim().to_owned());
                }
            }
            if x.name.as_deref().is_some_and(|h| !h.trim().is_empty()) {
                if x.first_name.is_none() {
                    m.first_name = None;
                }
                if x.last_name.is_none() {
                    m.last_name = None;
                }
            }
        }
        m
    }
}

pub(super) struct Columns {
    pub(super) name: Option<usize>,
    pub(super) first: Option<usize>,
    pub(super) last: Option<usize>,
    pub(super) title: Option<usize>,
    pub(super) manager: Option<usize>,
    pub(super) department: Option<usize>,
    pub(super) email: Option<usize>,
    pub(super) id: Option<usize>,
    pub(super) from: Option<usize>,
    pub(super) until: Option<usize>,
}

pub(super) fn locate(table: &Table, mapping: &ColumnMapping) -> Result<Columns> {
    let find = |h: &Option<String>| -> Result<Option<usize>> {
        match h {
            None => Ok(None),
            Some(h) => table.column(h).map(Some).ok_or_else(|| {
                CoreError::new(
                    ErrorKind::MissingColumn,
                    format!(
                        "The file has no column “{h}” (its columns are: {}).",
                        table.headers.join(", ")
                    ),
                )
            }),
        }
    };
    let c = Columns {
        name: find(&mapping.name)?,
        first: find(&mapping.first_name)?,
        last: find(&mapping.last_name)?,
        title: find(&mapping.title)?,
        manager: find(&mapping.reports_to)?,
        department: find(&mapping.department)?,
        email: find(&mapping.email)?,
        id: find(&mapping.id)?,
        from: find(&mapping.from)?,
        until: find(&mapping.until)?,
    };
    if c.name.is_none() && c.first.is_none() && c.last.is_none() {
        return Err(CoreError::new(
            ErrorKind::MissingColumn,
            format!(
                "No column holds people's names (row {} has: {}). Choose the name column in the mapping.",
                table.header_row,
                table.headers.join(", ")
            ),
        ));
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guesses_roles_from_common_headers() {
        let m = ColumnMapping::guess(&headers(&[
            "Employee ID",
            "Full Name",
            "Job Title",
            "Dept",
            "Manager Email",
            "Work E-mail",
        ]));
        assert_eq!(m.id.as_deref(), Some("Employee ID"));
        assert_eq!(m.name.as_deref(), Some("Full Name"));
        assert_eq!(m.title.as_deref(), Some("Job Title"));
        assert_eq!(m.department.as_deref(), Some("Dept"));
        assert_eq!(m.reports_to.as_deref(), Some("Manager Email"));
        assert_eq!(m.email.as_deref(), Some("Work E-mail"));
        let m = ColumnMapping::guess(&headers(&[
            "First Name",
            "Last Name",
            "Reports To",
            "Supervisor",
        ]));
        assert_eq!(m.first_name.as_deref(), Some("First Name"));
        assert_eq!(m.last_name.as_deref(), Some("Last Name"));
        assert_eq!(m.reports_to.as_deref(), Some("Reports To"));
        assert_eq!(m.name, None);
    }

    #[test]
    fn an_explicit_mapping_overrides_the_guess() {
        let h = headers(&["Name", "Boss", "Unit", "Title"]);
        let x = ColumnMapping::parse("reports_to=Boss, department=Unit, title=").unwrap();
        let m = ColumnMapping::resolve(&h, Some(&x));
        assert_eq!(m.name.as_deref(), Some("Name"));
        assert_eq!(m.reports_to.as_deref(), Some("Boss"));
        assert_eq!(m.title, None);
        assert_eq!(
            ColumnMapping::parse("colour=Red").unwrap_err().kind,
            ErrorKind::InvalidValue
        );
    }
}
