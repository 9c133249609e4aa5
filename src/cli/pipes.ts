/**
 * `kh check … | head -1`: the reader goes away, the next write fails with EPIPE. That is no error
 * of KH's: the stream is silenced and the command finishes as it would have (a summary file it was
 * asked for is still written, its exit code still says what it found) without a word about pipes.
 */
export function silenceClosedPipe(stream: NodeJS.WriteStream, onOtherError: (error: Error) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stream.write = (() => true) as typeof stream.write;
      return;
    }
    onOtherError(error);
  });
}
