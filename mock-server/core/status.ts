/**
 * Reason phrases as the REST exception visitor writes them in `errorMessage` (ezsystems/ezplatform-rest
 * 1.3 `src/lib/Server/Output/ValueObjectVisitor/Exception.php`, its `$httpStatusCodes` table).
 */
export const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

export const reasonPhrase = (status: number): string => REASONS[status] ?? 'Error';
