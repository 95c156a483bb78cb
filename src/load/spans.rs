//! Where each key and value of a YAML document stands, so that problems found after
//! deserializing can still point at a line and column.

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

/// Positions of every node in a document, as a tree: each node's span and its children by
/// step (one key string per node, no path kept per node).
#[derive(Debug, Default)]
pub struct Spans {
    /// The root first, when the document has one.
    nodes: Vec<Node>,
}

#[derive(Debug)]
struct Node {
    span: Span,
    children: Vec<(Step, usize)>,
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
            nodes: builder.nodes,
        }
    }

    /// The nodes along `path` from the root, as far as the document has them.
    fn walk<'a>(&'a self, path: &'a [Step]) -> impl Iterator<Item = &'a Node> + 'a {
        let mut at = (!self.nodes.is_empty()).then_some(0);
        let mut steps = path.iter();
        std::iter::from_fn(move || {
            let node = &self.nodes[at?];
            at = steps.next().and_then(|step| {
                // The last of repeated keys counts: the one to remove or merge.
                node.children
                    .iter()
                    .rev()
                    .find(|(s, _)| s == step)
                    .map(|(_, child)| *child)
            });
            Some(node)
        })
    }

    /// The span of the node at `path`, or of its nearest ancestor that has one.
    pub fn find(&self, path: &[Step]) -> Option<Span> {
        self.walk(path).last().map(|node| node.span)
    }

    /// The span of exactly the node at `path`.
    pub fn get(&self, path: &[Step]) -> Option<Span> {
        let mut depth = 0;
        let last = self.walk(path).inspect(|_| depth += 1).last()?;
        (depth == path.len() + 1).then_some(last.span)
    }
}

enum Frame {
    Map {
        key: Option<(String, Marker)>,
        node: usize,
    },
    Seq {
        next: usize,
        node: usize,
    },
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    frames: Vec<Frame>,
}

fn pos(mark: Marker) -> Pos {
    Pos {
        line: mark.line(),
        column: mark.col() + 1,
    }
}

impl Builder {
    /// Records a value (scalar or the start of a collection) and returns its node, or
    /// `None` when the value is a mapping key.
    fn value(&mut self, mark: Marker, scalar: Option<&str>) -> Option<usize> {
        let width = scalar.map_or(0, |s| s.chars().count());
        let (parent, step, key) = match self.frames.last_mut() {
            None => {
                self.nodes.push(Node {
                    span: Span {
                        key: None,
                        value: pos(mark),
                        value_width: 0,
                    },
                    children: Vec::new(),
                });
                return Some(self.nodes.len() - 1);
            }
            Some(Frame::Seq { next, node }) => {
                *next += 1;
                (*node, Step::Index(*next - 1), None)
            }
            Some(Frame::Map { key, node }) => match key.take() {
                None => {
                    // This scalar is a key; complex keys get a placeholder name.
                    *key = Some((scalar.unwrap_or("?").to_owned(), mark));
                    return None;
                }
                Some((name, key_mark)) => {
                    let width = name.chars().count();
                    (*node, Step::Key(name), Some((pos(key_mark), width)))
                }
            },
        };
        let index = self.nodes.len();
        self.nodes.push(Node {
            span: Span {
                key,
                value: pos(mark),
                value_width: width,
            },
            children: Vec::new(),
        });
        self.nodes[parent].children.push((step, index));
        Some(index)
    }

    fn open(&mut self, mark: Marker, map: bool) {
        // A collection used as a key: its contents are indexed under a placeholder.
        let node = if let Some(node) = self.value(mark, None) {
            node
        } else {
            let parent = match self.frames.last() {
                Some(Frame::Map { node, .. } | Frame::Seq { node, .. }) => *node,
                None => 0,
            };
            let index = self.nodes.len();
            self.nodes.push(Node {
                span: self.nodes[parent].span,
                children: Vec::new(),
            });
            self.nodes[parent]
                .children
                .push((Step::Key("?".to_owned()), index));
            index
        };
        self.frames.push(if map {
            Frame::Map { key: None, node }
        } else {
            Frame::Seq { next: 0, node }
        });
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
            Event::MappingStart(..) => self.open(mark, true),
            Event::SequenceStart(..) => self.open(mark, false),
            Event::MappingEnd | Event::SequenceEnd => {
                self.frames.pop();
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
    fn collections_used_as_keys_are_indexed_under_a_placeholder() {
        let spans = Spans::index("? [a, b]\n: 1\nc: {[x]: 2}\n");
        assert_eq!(spans.get(&[key("?")]).unwrap().value.line, 2);
        assert_eq!(spans.get(&[key("c")]).unwrap().value.line, 3);
        assert_eq!(
            spans
                .find(&[key("c"), key("?"), key("z")])
                .unwrap()
                .value
                .line,
            3
        );
    }

    #[test]
    fn the_last_of_repeated_keys_counts() {
        let spans = Spans::index("a: 1\nb: 2\na: 3\n");
        assert_eq!(spans.get(&[key("a")]).unwrap().value.line, 3);
        assert_eq!(spans.get(&[key("b")]).unwrap().value.line, 2);
        assert!(spans.get(&[key("c")]).is_none());
        assert_eq!(spans.get(&[]).unwrap().value.line, 1);
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_ancestor() {
        let spans = Spans::index("facts:\n  x: true\n");
        let span = spans.find(&[key("facts"), key("y")]).unwrap();
        assert_eq!(span.key.unwrap().0.line, 1);
    }
}
