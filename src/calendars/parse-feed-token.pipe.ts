import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';
import { isFeedToken } from './domain/feed-token';

/**
 * A feed token as the feed URL carries it. Anything else is answered like an unknown token (404),
 * before the database is asked: the URL is opaque to whoever holds it.
 */
@Injectable()
export class ParseFeedTokenPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isFeedToken(value)) throw new NotFoundException('Calendar feed not found.');
    return value;
  }
}
