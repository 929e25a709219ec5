import "server-only";
import { open, type FileHandle } from "node:fs/promises";
import { corrupt } from "./errors";

// The OLE compound file (CFB) layout, [MS-CFB]: a 512-byte header, then sectors; a FAT chains
// sectors into streams; the directory is such a chain of 128-byte entries that name the streams.
const headerSize = 512;
const directoryEntrySize = 128;
const endOfChain = 0xfffffffe;
const headerFatSectorSlots = 109;
const maxChainLength = 4096;

/**
 * The names of the streams and storages in an OLE compound file. That is all it takes to tell an
 * encrypted .xlsx (EncryptionInfo + EncryptedPackage) from a legacy .xls (Workbook or Book).
 */
export async function readOleEntryNames(path: string): Promise<string[]> {
  const file = await open(path);
  try {
    return await readDirectoryNames(new CompoundFile(file, await readExactly(file, 0, headerSize)));
  } finally {
    await file.close();
  }
}

async function readDirectoryNames(compound: CompoundFile): Promise<string[]> {
  const names: string[] = [];
  let sector = compound.firstDirectorySector;
  for (let count = 0; sector !== endOfChain; count++) {
    if (count === maxChainLength) throw corrupt("its Office container has a directory that never ends");
    const entries = await compound.readSector(sector);
    for (let at = 0; at < entries.length; at += directoryEntrySize) {
      const nameBytes = entries.readUInt16LE(at + 64);
      if (nameBytes > 2 && nameBytes <= 64) names.push(entries.toString("utf16le", at, at + nameBytes - 2));
    }
    sector = await compound.nextSector(sector);
  }
  return names;
}

class CompoundFile {
  readonly sectorSize: number;
  readonly firstDirectorySector: number;
  private readonly slotsPerSector: number;

  constructor(
    private readonly file: FileHandle,
    private readonly header: Buffer,
  ) {
    const sectorShift = header.readUInt16LE(0x1e);
    if (sectorShift !== 9 && sectorShift !== 12) throw corrupt("its Office container has an unknown sector size");
    this.sectorSize = 1 << sectorShift;
    this.slotsPerSector = this.sectorSize / 4;
    this.firstDirectorySector = header.readUInt32LE(0x30);
  }

  readSector(sector: number): Promise<Buffer> {
    return readExactly(this.file, (sector + 1) * this.sectorSize, this.sectorSize);
  }

  async nextSector(sector: number): Promise<number> {
    const fatSector = await this.fatSectorLocation(Math.floor(sector / this.slotsPerSector));
    const fat = await this.readSector(fatSector);
    return fat.readUInt32LE((sector % this.slotsPerSector) * 4);
  }

  /** The first 109 FAT sectors are listed in the header, the rest in a chain of DIFAT sectors. */
  private async fatSectorLocation(index: number): Promise<number> {
    if (index < headerFatSectorSlots) return this.header.readUInt32LE(0x4c + index * 4);
    const slotsPerDifatSector = this.slotsPerSector - 1;
    let remaining = index - headerFatSectorSlots;
    let difatSector = this.header.readUInt32LE(0x44);
    for (let hops = 0; remaining >= slotsPerDifatSector; hops++) {
      if (hops === maxChainLength) throw corrupt("its Office container has a sector table that never ends");
      difatSector = (await this.readSector(difatSector)).readUInt32LE(slotsPerDifatSector * 4);
      remaining -= slotsPerDifatSector;
    }
    return (await this.readSector(difatSector)).readUInt32LE(remaining * 4);
  }
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead < length) throw corrupt("its Office container ends early");
  return buffer;
}
