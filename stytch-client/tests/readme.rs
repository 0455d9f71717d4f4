//! The README's first example declares `Authenticate` the way the catalog does: every field it
//! shows has the catalog's type. (All README Rust blocks also compile, as doc tests of the crate.)

const README: &str = include_str!("../../README.md");
const CATALOG: &str = include_str!("../src/b2b/passwords/authenticate.rs");

/// `(name, type)` of every `pub name: Type,` line in `text`, up to the end of its first struct.
fn fields(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .skip_while(|line| !line.starts_with("pub struct Authenticate "))
        .skip(1)
        .take_while(|line| *line != "}")
        .filter_map(|line| {
            let line = line.split("//").next()?.trim().strip_prefix("pub ")?;
            let (name, ty) = line.split_once(':')?;
            Some((
                name.trim().to_owned(),
                ty.trim().trim_end_matches(',').trim().to_owned(),
            ))
        })
        .collect()
}

#[test]
fn the_first_readme_example_matches_the_catalog() {
    let first_block = README.split("```rust").nth(1).expect("a rust block");
    let shown = fields(first_block);
    assert!(shown.len() >= 4, "{shown:?}");
    let catalog = fields(CATALOG);
    for field in &shown {
        assert!(
            catalog.contains(field),
            "README field {field:?} differs from the catalog's {catalog:?}"
        );
    }
}
