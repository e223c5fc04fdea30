/**
 * The part of dxf-parser 1.1.2 the import uses. The package's own types pull in Node's `stream`
 * (for `parseStream`), which the engine may not see, so the import loads its self-contained UMD
 * build and these declarations describe it. Every field is optional: the values come from an
 * untrusted file and are checked where they are read (dxf.ts).
 */
declare module 'dxf-parser/dist/dxf-parser.js' {
  export interface DxfPoint {
    x?: unknown;
    y?: unknown;
    z?: unknown;
  }

  export interface DxfVertex extends DxfPoint {
    bulge?: unknown;
    /** POLYLINE vertices: a spline-frame control point, not on the curve. */
    splineControlPoint?: unknown;
  }

  export interface DxfEntity {
    type?: unknown;
    layer?: unknown;
    handle?: unknown;
    inPaperSpace?: unknown;
    vertices?: DxfVertex[];
    /** LWPOLYLINE and POLYLINE: closed (group 70 bit 1). */
    shape?: unknown;
    /** LWPOLYLINE extrusion direction (groups 210/220/230). */
    extrusionDirectionX?: unknown;
    extrusionDirectionY?: unknown;
    extrusionDirectionZ?: unknown;
    /** POLYLINE extrusion direction. */
    extrusionDirection?: DxfPoint;
    is3dPolyline?: unknown;
    is3dPolygonMesh?: unknown;
    isPolyfaceMesh?: unknown;
    includesCurveFitVertices?: unknown;
    includesSplineFitVertices?: unknown;
  }

  export interface DxfDocument {
    header?: Record<string, unknown>;
    entities?: DxfEntity[];
    tables?: { layer?: { layers?: Record<string, unknown> } };
  }

  export default class DxfParser {
    /** Throws on input it cannot read; returns null when the source is not a string. */
    parseSync(source: string): DxfDocument | null;
  }
}
