import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { type Connection, mongo } from 'mongoose';
import { finished } from 'node:stream/promises';

/** Which GridFS bucket: the files as received, or the cleaned tracks (track-codec.ts). */
export type ActivityBlobKind = 'original' | 'track';

const BUCKETS: Record<ActivityBlobKind, string> = { original: 'activity_files', track: 'activity_tracks' };

/** The only code that reads and writes activity files: GridFS, so a file of any size fits. */
@Injectable()
export class ActivityFilesStore {
  private readonly buckets = new Map<ActivityBlobKind, mongo.GridFSBucket>();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(kind: ActivityBlobKind): mongo.GridFSBucket {
    let bucket = this.buckets.get(kind);
    if (!bucket) {
      bucket = new mongo.GridFSBucket(this.connection.db!, { bucketName: BUCKETS[kind] });
      this.buckets.set(kind, bucket);
    }
    return bucket;
  }

  async put(
    kind: ActivityBlobKind,
    bytes: Buffer,
    filename: string,
    metadata: Record<string, unknown>,
  ): Promise<string> {
    const upload = this.bucket(kind).openUploadStream(filename, { metadata });
    upload.end(bytes);
    await finished(upload);
    return upload.id.toHexString();
  }

  async get(kind: ActivityBlobKind, id: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket(kind).openDownloadStream(new mongo.ObjectId(id)))
      chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Deleting what is already gone is not an error: removal may be repeated after a partial failure. */
  async delete(kind: ActivityBlobKind, id: string): Promise<void> {
    await this.bucket(kind)
      .delete(new mongo.ObjectId(id))
      .catch((error: Error) => {
        if (!/not found/i.test(error.message)) throw error;
      });
  }
}
