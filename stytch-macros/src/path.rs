//! The path template: `"/v1/b2b/organizations/{organization_id}/members"`.
//!
//! Pure string work, so it is unit-tested without any tokens. Problems are returned with the
//! byte range they concern; the caller spans them on the path literal.

use std::ops::Range;

/// One piece of a template, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text copied into the path as written.
    Literal(String),
    /// A `{name}` capture, filled from the field of that name.
    Capture(String),
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Literal and capture pieces in order.
    pub pieces: Vec<Piece>,
    /// Where each capture (`{name}`, braces included) sits in the template, in order.
    pub ranges: Vec<Range<usize>>,
}

/// A problem in a template, with the bytes it is about when that is narrower than the whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// The offending bytes of the template, if the problem has a place.
    pub at: Option<Range<usize>>,
}

impl Template {
    /// The capture names in order of appearance.
    pub fn captures(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Capture(name) => Some(name.as_str()),
            Piece::Literal(_) => None,
        })
    }

    /// The capture names with their byte ranges.
    pub fn captures_at(&self) -> impl Iterator<Item = (&str, Range<usize>)> {
        self.captures().zip(self.ranges.iter().cloned())
    }
}

/// Parses a template, returning every problem found (not just the first).
pub fn parse(template: &str) -> Result<Template, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |message: String, at: Option<Range<usize>>| problems.push(Problem { message, at });
    if !template.starts_with('/') {
        problem(format!("the path must start with `/`, found `{template}`"), None);
    }
    for forbidden in ['?', '#'] {
        if let Some(at) = template.find(forbidden) {
            problem(
                format!(
                    "the path must not contain `{forbidden}`: query fields are declared as struct fields"
                ),
                Some(at..at + 1),
            );
        }
    }
    if template.chars().any(char::is_whitespace) {
        problem("the path must not contain whitespace".to_owned(), None);
    }
    for (at, segment) in segments(template) {
        let decoded = segment.replace("%2e", ".").replace("%2E", ".");
        if (decoded == "." || decoded == "..") && !segment.contains('{') {
            problem(
                format!(
                    "the path must not contain a `{segment}` segment: URL parsers resolve it, so the request would go to another path"
                ),
                Some(at..at + segment.len()),
            );
        }
    }

    let mut pieces = Vec::new();
    let mut ranges = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        match c {
            '{' | '}' if chars.peek().is_some_and(|&(_, next)| next == c) => {
                chars.next();
                problem(
                    format!(
                        "`{c}{c}` is not an escape here: a path cannot hold a literal brace (percent-encode it as `{}`); captures are written `{{name}}`",
                        if c == '{' { "%7B" } else { "%7D" }
                    ),
                    Some(start..start + 2),
                );
            }
            '{' => {
                let mut name = String::new();
                let mut end = None;
                for (at, c) in chars.by_ref() {
                    if c == '}' {
                        end = Some(at + 1);
                        break;
                    }
                    if c == '{' {
                        break;
                    }
                    name.push(c);
                }
                let Some(end) = end else {
                    problem(
                        format!("unbalanced brace: `{{{name}` is never closed with `}}`"),
                        Some(start..start + 1 + name.len()),
                    );
                    break;
                };
                if !is_identifier(&name) {
                    problem(
                        format!(
                            "`{{{name}}}` is not a valid capture: a capture names a field, like `{{organization_id}}`"
                        ),
                        Some(start..end),
                    );
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Capture(name));
                ranges.push(start..end);
            }
            '}' => problem(
                "unbalanced brace: `}` without a matching `{`".to_owned(),
                Some(start..start + 1),
            ),
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }

    let template = Template { pieces, ranges };
    let mut seen = Vec::new();
    for (name, at) in template.captures_at() {
        if seen.contains(&name) {
            problem(
                format!("duplicate capture `{{{name}}}`: each capture may appear once"),
                Some(at),
            );
        } else {
            seen.push(name);
        }
    }
    if problems.is_empty() {
        Ok(template)
    } else {
        Err(problems)
    }
}

/// The `/`-separated segments after the leading `/`, with their byte offsets.
fn segments(template: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    template.split('/').map(move |segment| {
        let start = at;
        at += segment.len() + 1;
        (start, segment)
    })
}

/// A field name as Rust spells it, raw (`r#type` is captured as `{type}`) or not, Unicode
/// included.
fn is_identifier(name: &str) -> bool {
    syn::parse_str::<syn::Ident>(name).is_ok() || syn::parse_str::<syn::Ident>(&format!("r#{name}")).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Piece {
        Piece::Literal(s.to_owned())
    }
    fn cap(s: &str) -> Piece {
        Piece::Capture(s.to_owned())
    }
    fn messages(template: &str) -> Vec<String> {
        parse(template)
            .unwrap_err()
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn literal_only() {
        let t = parse("/v1/b2b/passwords/authenticate").unwrap();
        assert_eq!(t.pieces, vec![lit("/v1/b2b/passwords/authenticate")]);
        assert_eq!(t.captures().count(), 0);
    }

    #[test]
    fn captures_in_the_middle_and_at_the_end() {
        let t = parse("/v1/b2b/organizations/{organization_id}/members/{member_id}").unwrap();
        assert_eq!(
            t.pieces,
            vec![
                lit("/v1/b2b/organizations/"),
                cap("organization_id"),
                lit("/members/"),
                cap("member_id")
            ]
        );
        assert_eq!(t.captures().collect::<Vec<_>>(), ["organization_id", "member_id"]);
        assert_eq!(t.ranges, vec![22..39, 48..59]);
    }

    #[test]
    fn missing_leading_slash() {
        assert!(messages("v1/x")[0].contains("must start with `/`"));
    }

    #[test]
    fn unbalanced_braces() {
        assert!(messages("/v1/{id")[0].contains("never closed"));
        assert!(messages("/v1/id}")[0].contains("without a matching"));
        assert!(messages("/v1/{a{b}")[0].contains("never closed"));
    }

    #[test]
    fn doubled_braces_are_not_escapes() {
        let problems = parse("/v1/{{id}}").unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("`{{` is not an escape"));
        assert_eq!(problems[0].at, Some(4..6));
    }

    #[test]
    fn duplicate_capture() {
        let problems = parse("/v1/{id}/x/{id}").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("duplicate capture `{id}`"));
        assert_eq!(problems[0].at, Some(11..15));
    }

    #[test]
    fn capture_names_are_rust_identifiers() {
        assert!(messages("/v1/{}")[0].contains("not a valid capture"));
        assert!(messages("/v1/{1abc}")[0].contains("not a valid capture"));
        assert!(messages("/v1/{a-b}")[0].contains("not a valid capture"));
        assert_eq!(
            parse("/v1/{café}").unwrap().captures().collect::<Vec<_>>(),
            ["café"]
        );
        assert_eq!(
            parse("/v1/{type}").unwrap().captures().collect::<Vec<_>>(),
            ["type"]
        );
    }

    #[test]
    fn dot_segments_refused() {
        assert!(messages("/v1/org/../admin")[0].contains("`..` segment"));
        assert!(messages("/v1/./x")[0].contains("`.` segment"));
        assert!(messages("/v1/%2E%2e/x")[0].contains("segment"));
        assert!(parse("/v1/..a/{id}.json/.well-known").is_ok());
        assert_eq!(parse("/v1/..").unwrap_err()[0].at, Some(4..6));
    }

    #[test]
    fn query_and_fragment_refused() {
        assert_eq!(messages("/v1/x?a=1#f").len(), 2);
    }

    #[test]
    fn every_problem_reported() {
        assert_eq!(messages("v1/{id}/{id}/x}").len(), 3);
    }
}
