package dev.canarypy.core.allocation;

/**
 * MurmurHash3 x86 32-bit, Austin Appleby's public-domain hash (the {@code MurmurHash3_x86_32}
 * function of the SMHasher suite). It gives the same values as Guava's {@code murmur3_32_fixed}.
 */
final class MurmurHash3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private MurmurHash3() {}

  /** Returns the 32-bit hash of {@code data} with {@code seed}, as a signed int. */
  static int hash32(byte[] data, int seed) {
    int hash = seed;
    int blockEnd = data.length & ~3;

    for (int i = 0; i < blockEnd; i += 4) {
      int block =
          (data[i] & 0xff)
              | (data[i + 1] & 0xff) << 8
              | (data[i + 2] & 0xff) << 16
              | (data[i + 3] & 0xff) << 24;
      hash ^= mixBlock(block);
      hash = Integer.rotateLeft(hash, 13);
      hash = hash * 5 + 0xe6546b64;
    }

    // The last one to three bytes form a partial little-endian block.
    int tail = 0;
    switch (data.length & 3) {
      case 3:
        tail ^= (data[blockEnd + 2] & 0xff) << 16;
      // fall through
      case 2:
        tail ^= (data[blockEnd + 1] & 0xff) << 8;
      // fall through
      case 1:
        tail ^= data[blockEnd] & 0xff;
        hash ^= mixBlock(tail);
        break;
      default:
        break;
    }

    hash ^= data.length;
    return finalMix(hash);
  }

  private static int mixBlock(int block) {
    block *= C1;
    block = Integer.rotateLeft(block, 15);
    return block * C2;
  }

  /** Spreads every input bit over the whole hash (the {@code fmix32} step). */
  private static int finalMix(int hash) {
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    hash ^= hash >>> 16;
    return hash;
  }
}
