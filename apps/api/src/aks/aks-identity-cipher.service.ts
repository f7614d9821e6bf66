import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigError, type AppConfig } from '@konvergensi/config';
import type { AksIdentity } from '@konvergensi/domain';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { ApiError } from '../common/api-error';
import { APP_CONFIG } from '../tokens';

/** Layout version of the ciphertext: 1 = AES-256-GCM, 12-byte IV, 16-byte tag. */
const version = 1;

/**
 * Encrypts a case's identity (name, NIK, address, birth date) for the database and hashes the NIK
 * for matching. One key from the configuration (AKS_IDENTITY_KEY) yields two subkeys (HKDF), so
 * the hash cannot be used to decrypt and vice versa. The case id is the additional authenticated
 * data: a ciphertext copied onto another case does not decrypt.
 */
@Injectable()
export class AksIdentityCipher {
  private readonly encryptionKey: Buffer | undefined;
  private readonly hashKey: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const key = config.AKS_IDENTITY_KEY;
    if (!key) {
      // Without the key no identity can be stored or read; production must not start like that.
      if (config.NODE_ENV === 'production')
        throw new ConfigError([{ variable: 'AKS_IDENTITY_KEY', problem: 'is required in production' }]);
      return;
    }
    const master = Buffer.from(key, 'hex');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'aks-identity-encryption', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'aks-nik-hash', 32));
  }

  private keys(): { encryptionKey: Buffer; hashKey: Buffer } {
    if (!this.encryptionKey || !this.hashKey)
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'AKS_IDENTITY_KEY_MISSING',
        'Kunci enkripsi identitas kasus AKS belum dikonfigurasi (AKS_IDENTITY_KEY).',
      );
    return { encryptionKey: this.encryptionKey, hashKey: this.hashKey };
  }

  /** Fails early (503) when the key is missing, before anything is written. */
  ensureConfigured(): void {
    this.keys();
  }

  encrypt(caseId: string, identity: AksIdentity): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys().encryptionKey, iv);
    cipher.setAAD(Buffer.from(caseId));
    const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([version]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(caseId: string, ciphertext: Buffer): AksIdentity {
    if (ciphertext[0] !== version) throw new Error('unknown AKS identity ciphertext version');
    const decipher = createDecipheriv('aes-256-gcm', this.keys().encryptionKey, ciphertext.subarray(1, 13));
    decipher.setAAD(Buffer.from(caseId));
    decipher.setAuthTag(ciphertext.subarray(13, 29));
    const plain = Buffer.concat([decipher.update(ciphertext.subarray(29)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as AksIdentity;
  }

  /** Keyed hash of a NIK: equal NIKs match within the deployment, and a leaked table reveals none. */
  nikHash(nik: string): string {
    return createHmac('sha256', this.keys().hashKey).update(nik).digest('hex');
  }
}
