/** The slice of @npmcli/arborist (which ships no types) that the npm detector reads. */
declare module "@npmcli/arborist" {
  interface ArboristEdge {
    name: string;
    from: ArboristNode | null;
    to: ArboristNode | null;
  }
  interface ArboristNode {
    name: string;
    packageName: string;
    version: string;
    location: string;
    isLink: boolean;
    isProjectRoot: boolean;
    isWorkspace: boolean;
    edgesIn: Set<ArboristEdge>;
    inventory: Map<string, ArboristNode>;
  }
  export default class Arborist {
    constructor(options: { path: string });
    loadVirtual(): Promise<ArboristNode>;
    loadActual(): Promise<ArboristNode>;
  }
}
