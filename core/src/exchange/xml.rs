//! GraphML and GEXF: the two XML graph formats network tools read.
//!
//! Both are flat graphs (nesting is the `parent` attribute): networkx and Gephi do not read
//! GraphML's nested graphs, and a flat graph with a parent column is what an analyst wants to
//! filter on anyway. Both are directed; a two-way flow says so in its `direction` attribute.
//! GEXF also carries Gephi's `viz` data — the export layout's positions and the vocabulary's
//! colours — so a map opens in Gephi looking like itself.

use super::AttrType;
use super::{attr_type, describe, element_columns, element_row, relation_columns, relation_row};
use crate::model::{Map, RelationDetails, Scenario, View};
use crate::xml_text::escape;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;

type Xml = Writer<Vec<u8>>;

/// Writing XML into memory cannot fail; an error here would be a bug in the writer.
fn put(xml: &mut Xml, event: Event<'_>) {
    xml.write_event(event)
        .expect("writing XML to memory does not fail");
}

/// A start tag whose attribute values go through the exports' one escaper, not the writer's own
/// (which lets NUL and U+FFFF through).
fn tag<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
    BytesStart::new(name).with_attributes(attrs.iter().map(|&(key, value)| Attribute {
        key: QName(key.as_bytes()),
        value: Cow::Owned(escape(value).into_owned().into_bytes()),
    }))
}

fn open(xml: &mut Xml, name: &str, attrs: &[(&str, &str)]) {
    put(xml, Event::Start(tag(name, attrs)));
}

fn empty(xml: &mut Xml, name: &str, attrs: &[(&str, &str)]) {
    put(xml, Event::Empty(tag(name, attrs)));
}

fn close(xml: &mut Xml, name: &str) {
    put(xml, Event::End(BytesEnd::new(name)));
}

fn text_element(xml: &mut Xml, name: &str, attrs: &[(&str, &str)], text: &str) {
    open(xml, name, attrs);
    put(xml, Event::Text(BytesText::from_escaped(escape(text))));
    close(xml, name);
}

fn start() -> Xml {
    let mut xml = Writer::new_with_indent(Vec::new(), b' ', 2);
    put(
        &mut xml,
        Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)),
    );
    xml
}

fn finish(xml: Xml) -> String {
    String::from_utf8(xml.into_inner()).expect("the writer was given only UTF-8")
}

fn graphml_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Text => "string",
        AttrType::Integer => "int",
        AttrType::Boolean => "boolean",
    }
}

/// `scenario` of `map` as GraphML. Keys are named after the attributes (`n_` for nodes, `e_` for
/// edges); the node `label` key is the name, which yEd and Cytoscape show.
pub fn graphml(map: &Map, scenario: &Scenario) -> String {
    let mut xml = start();
    open(
        &mut xml,
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    let node_columns = element_columns();
    let edge_columns = relation_columns();
    graphml_keys(&mut xml, &node_columns, &edge_columns);
    open(
        &mut xml,
        "graph",
        &[
            ("id", &describe(map, scenario)),
            ("edgedefault", "directed"),
        ],
    );
    for element in scenario.elements.values() {
        open(&mut xml, "node", &[("id", &element.id.0)]);
        text_element(&mut xml, "data", &[("key", "n_label")], &element.name);
        let values = element_row(element, &node_columns);
        for (column, value) in node_columns.iter().zip(&values) {
            if column != "id" && !value.is_empty() {
                text_element(&mut xml, "data", &[("key", &format!("n_{column}"))], value);
            }
        }
        close(&mut xml, "node");
    }
    for relation in scenario.relations.values() {
        open(
            &mut xml,
            "edge",
            &[
                ("id", &relation.id.0),
                ("source", &relation.source.0),
                ("target", &relation.target.0),
            ],
        );
        let values = relation_row(relation, &edge_columns);
        for (column, value) in edge_columns.iter().zip(&values) {
            // Source and target are the edge's own attributes already.
            if !matches!(column.as_str(), "id" | "source" | "target") && !value.is_empty() {
                text_element(&mut xml, "data", &[("key", &format!("e_{column}"))], value);
            }
        }
        close(&mut xml, "edge");
    }
    close(&mut xml, "graph");
    close(&mut xml, "graphml");
    finish(xml)
}

fn gexf_type(t: AttrType) -> &'static str {
    match t {
        AttrType::Text => "string",
        AttrType::Integer => "integer",
        AttrType::Boolean => "boolean",
    }
}

fn rgb(hex: &str) -> [String; 3] {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(128)
            .to_string()
    };
    [channel(0), channel(2), channel(4)]
}

/// `scenario` of `map` as GEXF 1.2 with attributes and `viz` positions, sizes and colours.
pub fn gexf(map: &Map, scenario: &Scenario) -> String {
    const NS: &str = "http://www.gexf.net/1.2draft";
    let mut xml = start();
    open(
        &mut xml,
        "gexf",
        &[
            ("xmlns", NS),
            ("xmlns:viz", "http://www.gexf.net/1.2draft/viz"),
            ("version", "1.2"),
        ],
    );
    open(&mut xml, "meta", &[]);
    text_element(&mut xml, "creator", &[], "Murmuration");
    text_element(&mut xml, "description", &[], &describe(map, scenario));
    close(&mut xml, "meta");
    open(
        &mut xml,
        "graph",
        &[("mode", "static"), ("defaultedgetype", "directed")],
    );
    let node_columns: Vec<String> = element_columns()
        .into_iter()
        .filter(|c| !matches!(c.as_str(), "id" | "name"))
        .collect();
    let edge_columns: Vec<String> = relation_columns()
        .into_iter()
        .filter(|c| !matches!(c.as_str(), "id" | "source" | "target"))
        .collect();
    for (class, columns) in [("node", &node_columns), ("edge", &edge_columns)] {
        open(
            &mut xml,
            "attributes",
            &[("class", class), ("mode", "static")],
        );
        for column in columns.iter() {
            empty(
                &mut xml,
                "attribute",
                &[
                    ("id", column),
                    ("title", column),
                    ("type", gexf_type(attr_type(column))),
                ],
            );
        }
        close(&mut xml, "attributes");
    }

    gexf_nodes(&mut xml, scenario, &node_columns);
    gexf_edges(&mut xml, scenario, &edge_columns);
    close(&mut xml, "graph");
    close(&mut xml, "gexf");
    finish(xml)
}

/// GraphML's keys: the node label, then one per attribute column (`n_` nodes, `e_` edges).
fn graphml_keys(xml: &mut Xml, node_columns: &[String], edge_columns: &[String]) {
    empty(
        xml,
        "key",
        &[
            ("id", "n_label"),
            ("for", "node"),
            ("attr.name", "label"),
            ("attr.type", "string"),
        ],
    );
    for (prefix, target, columns) in [("n_", "node", node_columns), ("e_", "edge", edge_columns)] {
        for column in columns.iter().filter(|c| *c != "id") {
            let id = format!("{prefix}{column}");
            empty(
                xml,
                "key",
                &[
                    ("id", &id),
                    ("for", target),
                    ("attr.name", column),
                    ("attr.type", graphml_type(attr_type(column))),
                ],
            );
        }
    }
}

/// GEXF's nodes, each with its attributes, its kind's colour and its place on the network page.
fn gexf_nodes(xml: &mut Xml, scenario: &Scenario, node_columns: &[String]) {
    let layout = crate::render::layout::layout(scenario, View::Network);
    open(xml, "nodes", &[]);
    for element in scenario.elements.values() {
        open(
            xml,
            "node",
            &[("id", &element.id.0), ("label", &element.name)],
        );
        attvalues(
            xml,
            node_columns,
            &element_row(element, &element_columns()),
            &element_columns(),
        );
        let style = crate::vocabulary::element_style(element.kind());
        let [r, g, b] = rgb(style.stroke);
        empty(xml, "viz:color", &[("r", &r), ("g", &g), ("b", &b)]);
        if let Some(placed) = layout.get(&element.id) {
            let c = placed.shape.centre();
            // Gephi's y axis points up; the page's points down.
            let (x, y) = (format!("{:.1}", c.x), format!("{:.1}", -c.y));
            empty(xml, "viz:position", &[("x", &x), ("y", &y), ("z", "0.0")]);
            let size = format!("{:.1}", placed.shape.width.max(placed.shape.height) / 4.0);
            empty(xml, "viz:size", &[("value", &size)]);
        }
        close(xml, "node");
    }
    close(xml, "nodes");
}

/// GEXF's edges, each weighted by volume and coloured by medium or kind.
fn gexf_edges(xml: &mut Xml, scenario: &Scenario, edge_columns: &[String]) {
    open(xml, "edges", &[]);
    for relation in scenario.relations.values() {
        let weight = match &relation.details {
            RelationDetails::Flow { volume, .. } => volume.to_string(),
            _ => "1".to_owned(),
        };
        open(
            xml,
            "edge",
            &[
                ("id", &relation.id.0),
                ("source", &relation.source.0),
                ("target", &relation.target.0),
                ("weight", &weight),
            ],
        );
        let all = relation_columns();
        attvalues(xml, edge_columns, &relation_row(relation, &all), &all);
        let colour = match &relation.details {
            RelationDetails::Flow { medium, .. } => crate::vocabulary::medium_line(*medium).color,
            _ => crate::vocabulary::relation_line(relation.kind()).color,
        };
        let [r, g, b] = rgb(colour);
        empty(xml, "viz:color", &[("r", &r), ("g", &g), ("b", &b)]);
        close(xml, "edge");
    }
    close(xml, "edges");
}

/// The non-empty values among `wanted` columns, from a row over `all` columns.
fn attvalues(xml: &mut Xml, wanted: &[String], values: &[String], all: &[String]) {
    let present: Vec<(&String, &String)> = all
        .iter()
        .zip(values)
        .filter(|(c, v)| wanted.contains(c) && !v.is_empty())
        .collect();
    if present.is_empty() {
        return;
    }
    open(xml, "attvalues", &[]);
    for (column, value) in present {
        empty(xml, "attvalue", &[("for", column), ("value", value)]);
    }
    close(xml, "attvalues");
}
