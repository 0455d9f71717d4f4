//! The path template: `"/v1/b2b/organizations/{organization_id}/members"`.
//!
//! Pure string work, so it is unit-tested without any tokens. Problems are returned as messages;
//! the caller spans them on the path literal.

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
}

impl Template {
    /// The capture names in order of appearance.
    pub fn captures(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Capture(name) => Some(name.as_str()),
            Piece::Literal(_) => None,
        })
    }
}

/// Parses a template, returning every problem found (not just the first).
pub fn parse(template: &str) -> Result<Template, Vec<String>> {
    let mut problems = Vec::new();
    if !template.starts_with('/') {
        problems.push(format!("the path must start with `/`, found `{template}`"));
    }
    for forbidden in ['?', '#'] {
        if template.contains(forbidden) {
            problems.push(format!(
                "the path must not contain `{forbidden}`: query fields are declared as struct fields"
            ));
        }
    }
    if template.chars().any(char::is_whitespace) {
        problems.push("the path must not contain whitespace".to_owned());
    }

    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                let mut name = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    if c == '{' {
                        break;
                    }
                    name.push(c);
                }
                if !closed {
                    problems.push(format!("unbalanced brace: `{{{name}` is never closed with `}}`"));
                    break;
                }
                if !is_identifier(&name) {
                    problems.push(format!(
                        "`{{{name}}}` is not a valid capture: a capture names a field, like `{{organization_id}}`"
                    ));
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Capture(name));
            }
            '}' => problems.push("unbalanced brace: `}` without a matching `{`".to_owned()),
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }

    let template = Template { pieces };
    let mut seen = Vec::new();
    for name in template.captures() {
        if seen.contains(&name) {
            problems.push(format!(
                "duplicate capture `{{{name}}}`: each capture may appear once"
            ));
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

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
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
    }

    #[test]
    fn missing_leading_slash() {
        let problems = parse("v1/x").unwrap_err();
        assert!(problems[0].contains("must start with `/`"), "{problems:?}");
    }

    #[test]
    fn unbalanced_braces() {
        assert!(parse("/v1/{id").unwrap_err()[0].contains("never closed"));
        assert!(parse("/v1/id}").unwrap_err()[0].contains("without a matching"));
        assert!(parse("/v1/{a{b}").unwrap_err()[0].contains("never closed"));
    }

    #[test]
    fn duplicate_capture() {
        let problems = parse("/v1/{id}/x/{id}").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("duplicate capture `{id}`"));
    }

    #[test]
    fn bad_capture_names() {
        assert!(parse("/v1/{}").unwrap_err()[0].contains("not a valid capture"));
        assert!(parse("/v1/{1abc}").unwrap_err()[0].contains("not a valid capture"));
        assert!(parse("/v1/{a-b}").unwrap_err()[0].contains("not a valid capture"));
    }

    #[test]
    fn query_and_fragment_refused() {
        let problems = parse("/v1/x?a=1#f").unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn every_problem_reported() {
        let problems = parse("v1/{id}/{id}/x}").unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
