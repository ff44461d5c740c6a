// Loads a GraphML or GEXF file with graphology's parsers (graphology-graphml
// is the parser Gephi Lite uses) and prints what they see as JSON:
// node and edge counts, graph type and the attribute names.
//
// Usage: node load.js graphml|gexf FILE
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const parsers = {graphml: require('graphology-graphml'), gexf: require('graphology-gexf')};

const [format, path] = process.argv.slice(2);
const parser = parsers[format];
if (!parser) {
  console.error('usage: node load.js graphml|gexf FILE');
  process.exit(2);
}
const graph = parser.parse(Graph, fs.readFileSync(path, 'utf8'));
const names = (list) => [...new Set(list.flatMap((attrs) => Object.keys(attrs)))].sort();
console.log(JSON.stringify({
  nodes: graph.order,
  edges: graph.size,
  type: graph.type,
  multi: graph.multi,
  nodeAttributes: names(graph.mapNodes((n, attrs) => attrs)),
  edgeAttributes: names(graph.mapEdges((e, attrs) => attrs)),
  // graphology-gexf drops an empty label: count it as "".
  labels: graph.mapNodes((n, attrs) => attrs.label ?? '').sort(),
}));
