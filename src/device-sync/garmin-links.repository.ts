import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { GarminLinkRecord } from './garmin-sync.record';
import { GarminLinkDoc } from './schemas/garmin-link.schema';

type LinkLean = GarminLinkDoc & { _id: Types.ObjectId };

const toRecord = (doc: LinkLean): GarminLinkRecord => ({
  playerId: doc.playerId.toHexString(),
  garminUserId: doc.garminUserId,
  linkedBy: doc.linkedBy.toHexString(),
  linkedAt: doc.linkedAt,
});

/** The only code that touches the Garmin links. */
@Injectable()
export class GarminLinksRepository {
  constructor(@InjectModel(GarminLinkDoc.name) private readonly links: Model<GarminLinkDoc>) {}

  async findByPlayer(playerId: string): Promise<GarminLinkRecord | null> {
    const doc = await this.links
      .findOne({ playerId: new Types.ObjectId(playerId) })
      .lean<LinkLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async findByGarminUser(garminUserId: string): Promise<GarminLinkRecord | null> {
    const doc = await this.links.findOne({ garminUserId }).lean<LinkLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** Links the player to the Garmin user, replacing the player's link; a Garmin user linked to another player fails with the driver's duplicate-key error. */
  async link(playerId: string, garminUserId: string, linkedBy: string): Promise<GarminLinkRecord> {
    const doc = await this.links
      .findOneAndUpdate(
        { playerId: new Types.ObjectId(playerId) },
        { $set: { garminUserId, linkedBy: new Types.ObjectId(linkedBy), linkedAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<LinkLean>()
      .exec();
    return toRecord(doc!);
  }

  async deleteForPlayer(playerId: string): Promise<boolean> {
    const result = await this.links.deleteOne({ playerId: new Types.ObjectId(playerId) }).exec();
    return result.deletedCount === 1;
  }
}
