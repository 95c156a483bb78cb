//! Where each key and value of a YAML document stands, so that problems found after
//! deserializing can still point at a line and column.

use std::collections::BTreeMap;

use yaml_rust2::Event;
use yaml_rust2::parser::{MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One step into a YAML document: a mapping key or a sequence index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A path from the document root, such as `answers` → `pi-erasure` → `status`.
pub type YamlPath = Vec<Step>;

/// Line and column (both 1-based, columns in characters) of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Where a node stands: its key (for mapping entries) and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub key: Option<(Pos, usize)>,
    pub value: Pos,
    /// Width in characters of a scalar value, zero for collections and empty values.
    pub value_width: usize,
}

/// Positions of every node in a document, by path.
#[derive(Debug, Default)]
pub struct Spans {
    by_path: BTreeMap<YamlPath, Span>,
}

impl Spans {
    /// Indexes `text`. A document the indexer cannot read yields no positions; the
    /// deserializer reports its syntax errors.
    pub fn index(text: &str) -> Spans {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(text);
        if parser.load(&mut builder, false).is_err() {
            return Spans::default();
        }
        Spans {
            by_path: builder.by_path,
        }
    }

    /// The span of the node at `path`, or of its nearest ancestor that has one.
    pub fn find(&self, path: &[Step]) -> Option<Span> {
        (0..=path.len())
            .rev()
            .find_map(|len| self.by_path.get(&path[..len]).copied())
    }

    /// The span of exactly the node at `path`.
    pub fn get(&self, path: &[Step]) -> Option<Span> {
        self.by_path.get(path).copied()
    }
}

enum Frame {
    Map { key: Option<(String, Marker)> },
    Seq { next: usize },
}

#[derive(Default)]
struct Builder {
    by_path: BTreeMap<YamlPath, Span>,
    frames: Vec<Frame>,
    path: YamlPath,
}

fn pos(mark: Marker) -> Pos {
    Pos {
        line: mark.line(),
        column: mark.col() + 1,
    }
}

impl Builder {
    /// Records a value (scalar or the start of a collection) and returns its path, or
    /// `None` when the value is a mapping key.
    fn value(&mut self, mark: Marker, scalar: Option<&str>) -> Option<YamlPath> {
        let width = scalar.map_or(0, |s| s.chars().count());
        let (step, key) = match self.frames.last_mut() {
            None => {
                self.by_path.insert(
                    Vec::new(),
                    Span {
                        key: None,
                        value: pos(mark),
                        value_width: 0,
                    },
                );
                return Some(Vec::new());
            }
            Some(Frame::Seq { next }) => {
                *next += 1;
                (Step::Index(*next - 1), None)
            }
            Some(Frame::Map { key }) => match key.take() {
                None => {
                    // This scalar is a key; complex keys get a placeholder name.
                    *key = Some((scalar.unwrap_or("?").to_owned(), mark));
                    return None;
                }
                Some((name, key_mark)) => {
                    let width = name.chars().count();
                    (Step::Key(name), Some((pos(key_mark), width)))
                }
            },
        };
        let mut path = self.path.clone();
        path.push(step);
        self.by_path.insert(
            path.clone(),
            Span {
                key,
                value: pos(mark),
                value_width: width,
            },
        );
        Some(path)
    }

    fn open(&mut self, mark: Marker, frame: Frame) {
        match self.value(mark, None) {
            Some(path) => self.path = path,
            // A collection used as a key: index its contents under a placeholder.
            None => self.path.push(Step::Key("?".to_owned())),
        }
        self.frames.push(frame);
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(text, ..) => {
                self.value(mark, Some(&text));
            }
            Event::Alias(_) => {
                self.value(mark, Some("*"));
            }
            Event::MappingStart(..) => self.open(mark, Frame::Map { key: None }),
            Event::SequenceStart(..) => self.open(mark, Frame::Seq { next: 0 }),
            Event::MappingEnd | Event::SequenceEnd => {
                self.frames.pop();
                self.path.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step {
        Step::Key(name.to_owned())
    }

    #[test]
    fn keys_and_values_have_lines_and_columns() {
        let spans = Spans::index("a: 1\nanswers:\n  pi-erasure:\n    status: donee\n");
        let span = spans
            .get(&[key("answers"), key("pi-erasure"), key("status")])
            .unwrap();
        assert_eq!(span.key, Some((Pos { line: 4, column: 5 }, 6)));
        assert_eq!(
            span.value,
            Pos {
                line: 4,
                column: 13
            }
        );
        assert_eq!(span.value_width, 5);
    }

    #[test]
    fn sequence_items_are_indexed() {
        let spans = Spans::index("services:\n  - id: a\n  - id: b\n");
        let span = spans
            .get(&[key("services"), Step::Index(1), key("id")])
            .unwrap();
        assert_eq!(span.value, Pos { line: 3, column: 9 });
    }

    #[test]
    fn flow_mappings_are_indexed() {
        let spans = Spans::index("org: {name: 山田, url: x}\n");
        let span = spans.get(&[key("org"), key("url")]).unwrap();
        assert_eq!(
            span.value,
            Pos {
                line: 1,
                column: 22
            }
        );
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_ancestor() {
        let spans = Spans::index("facts:\n  x: true\n");
        let span = spans.find(&[key("facts"), key("y")]).unwrap();
        assert_eq!(span.key.unwrap().0.line, 1);
    }
}
