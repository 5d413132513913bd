using Microsoft.Extensions.Logging;

namespace Dossier.Cluster.Hosting;

/// <summary>Orleans' log lines (warnings and worse) as plain lines on a writer: "orleans: warning: Category: message".</summary>
/// <remarks>The console logger of Microsoft.Extensions is not among the project's packages; a silo needs no more than this.</remarks>
internal sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer, categoryName);

    public void Dispose() { }

    private sealed class Logger(TextWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"orleans: {logLevel.ToString().ToLowerInvariant()}: {category}: {formatter(state, exception)}{(exception is null ? "" : " (" + exception.GetType().Name + ": " + exception.Message + ")")}";
            lock (writer) writer.WriteLine(line);
        }
    }
}
