#!/usr/bin/python3
"""make-facts-disk.py IMAGE: the guest's second NVMe disk (serial kfacts), sparse, 26 MiB,
with an MBR partition table (what the guest sees as a partitioned block device):
  p1  1 MiB ..  9 MiB, type 0x83: the guest makes an ext2 on it and mounts it on /mnt/disk
  p2  9 MiB .. 25 MiB, type 0xda: raw; the guest writes the tar of its recorded views there.
Prints p2's start and size in MiB: where make-kernel-cores.sh reads the tar back."""
import struct, sys

MIB_SECTORS = 2048
PARTS = [(0x83, 1 * MIB_SECTORS, 8 * MIB_SECTORS), (0xda, 9 * MIB_SECTORS, 16 * MIB_SECTORS)]
SIZE = 26 << 20

def entry(ptype, lba, count):
    # status, CHS first (unused: 0xfe 0xff 0xff), type, CHS last, LBA first, sector count
    return struct.pack("<B3sB3sII", 0, b"\xfe\xff\xff", ptype, b"\xfe\xff\xff", lba, count)

def main():
    mbr = bytearray(512)
    struct.pack_into("<I", mbr, 440, 0x4B434F52)           # disk identifier "KCOR"
    for i, p in enumerate(PARTS):
        mbr[446 + 16 * i:446 + 16 * (i + 1)] = entry(*p)
    mbr[510:512] = b"\x55\xaa"
    with open(sys.argv[1], "wb") as f:
        f.truncate(SIZE)
        f.write(mbr)
    print(PARTS[1][1] // MIB_SECTORS, PARTS[1][2] // MIB_SECTORS)

main()
