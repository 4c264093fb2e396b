import { BadRequestException, PayloadTooLargeException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { ProblemException } from '@tradelane/platform';
import { MAX_CSV_BYTES, MAX_ORDER_PART_BYTES } from '../intake-limits';

/** The file part of a CSV upload as multer keeps it (in memory). */
export interface UploadedCsv {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const CsvFileInterceptor = FileInterceptor('lines', {
  limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 1, fieldSize: MAX_ORDER_PART_BYTES, parts: 2 },
});

/** Takes the `lines` file and the `order` field of a CSV upload; a part over its limit is a problem naming the part. */
export class CsvUploadInterceptor extends CsvFileInterceptor {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new ProblemException(413, 'payload-too-large', 'CSV file too large', `the CSV file may be at most ${MAX_CSV_BYTES} bytes`, [
          { field: 'lines', message: `must be at most ${MAX_CSV_BYTES} bytes` },
        ]);
      }
      if (error instanceof BadRequestException) {
        // multer names the part after its message ("Field value too long - order").
        const [message, part] = error.message.split(' - ');
        throw new ProblemException(400, 'validation', 'Invalid upload', error.message, [{ field: part ?? 'body', message }]);
      }
      throw error;
    }
  }
}
