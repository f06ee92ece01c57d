// wa-sqlite ships no declarations for its OPFS VFS examples; this is the part we use.
declare module '@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js' {
  export class OPFSCoopSyncVFS {
    static create(name: string, module: unknown): Promise<OPFSCoopSyncVFS>;
    readonly name: string;
    close(): Promise<void>;
  }
}
