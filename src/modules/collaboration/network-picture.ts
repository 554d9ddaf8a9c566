import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from 'd3-force';
import { cooperationForms, type CooperationForm, type NeedCode } from '../../platform/vocabularies.ts';
import type { Collaboration } from './collaborations.service.ts';

// The network picture: who works with whom. Organisations are nodes; two organisations that are
// partners in a collaboration share an edge, drawn in the colour of the cooperation form. The layout is
// a force simulation with a fixed number of steps from fixed starting points, so the same data always
// gives the same picture.

export interface PictureFilters {
  municipality: string | null;
  need: NeedCode | null;
  form: CooperationForm | null;
}

export interface PictureNode {
  id: string;
  name: string;
  /** Organisations it shares an edge with. */
  degree: number;
  x: number;
  y: number;
}

export interface PictureEdge {
  source: string;
  target: string;
  /** The forms of the collaborations between the two, in vocabulary order; the first one colours the edge. */
  forms: CooperationForm[];
  collaborations: string[];
}

export interface NetworkPicture {
  nodes: PictureNode[];
  edges: PictureEdge[];
  width: number;
  height: number;
}

export const PICTURE_WIDTH = 900;
export const PICTURE_HEIGHT = 600;
const MARGIN = 60;
const STEPS = 300;

/** The collaborations a picture shows under its filters. */
export const filterCollaborations = (collaborations: Collaboration[], f: PictureFilters) =>
  collaborations.filter(
    (c) =>
      (!f.municipality || c.municipalityNis === f.municipality) &&
      (!f.need || c.needs.includes(f.need)) &&
      (!f.form || c.forms.includes(f.form)),
  );

/** Nodes and edges of a set of collaborations, laid out to fit the picture. */
export function drawNetwork(collaborations: Collaboration[], f: PictureFilters): NetworkPicture {
  const names = new Map<string, string>();
  const edges = new Map<string, PictureEdge>();
  for (const c of collaborations) {
    const partners = [...c.partners].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
    for (const p of partners) names.set(p.organisationId, p.name);
    const forms = f.form ? [f.form] : c.forms;
    for (let i = 0; i < partners.length; i++)
      for (let j = i + 1; j < partners.length; j++) {
        const key = `${partners[i]!.organisationId} ${partners[j]!.organisationId}`;
        const edge = edges.get(key) ?? {
          source: partners[i]!.organisationId,
          target: partners[j]!.organisationId,
          forms: [],
          collaborations: [],
        };
        edge.forms = cooperationForms.filter((x) => edge.forms.includes(x) || forms.includes(x));
        edge.collaborations.push(c.title);
        edges.set(key, edge);
      }
  }
  const edgeList = [...edges.values()].sort((a, b) =>
    `${a.source} ${a.target}`.localeCompare(`${b.source} ${b.target}`),
  );
  const degree = new Map<string, number>();
  for (const e of edgeList) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = [...names]
    .sort(([a, an], [b, bn]) => an.localeCompare(bn, 'nl') || a.localeCompare(b))
    .map(([id, name]) => ({ id, name, degree: degree.get(id)!, x: 0, y: 0 }));
  layOut(nodes, edgeList);
  return { nodes, edges: edgeList, width: PICTURE_WIDTH, height: PICTURE_HEIGHT };
}

/** Runs the force simulation a fixed number of steps and scales the result into the picture's frame. */
function layOut(nodes: PictureNode[], edges: PictureEdge[]) {
  if (nodes.length === 0) return;
  const simNodes = nodes.map((n) => ({ id: n.id })) as { id: string; x?: number; y?: number }[];
  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink(edges.map((e) => ({ source: e.source, target: e.target })))
        .id((d) => (d as { id: string }).id)
        .distance(60),
    )
    .force('charge', forceManyBody().strength(-200))
    .force('collide', forceCollide(24))
    .force('center', forceCenter(0, 0))
    .stop();
  simulation.tick(STEPS);
  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (PICTURE_WIDTH - 2 * MARGIN) / Math.max(maxX - minX, 1),
    (PICTURE_HEIGHT - 2 * MARGIN) / Math.max(maxY - minY, 1),
    3,
  );
  const offsetX = (PICTURE_WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (PICTURE_HEIGHT - (maxY - minY) * scale) / 2;
  nodes.forEach((n, i) => {
    n.x = Math.round((xs[i]! - minX) * scale + offsetX);
    n.y = Math.round((ys[i]! - minY) * scale + offsetY);
  });
}
