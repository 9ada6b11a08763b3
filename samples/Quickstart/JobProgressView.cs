using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace Quickstart;

/// <summary>How the quickstart shows a job's progress: a stage change, and records found so far.</summary>
internal interface IJobProgressView
{
    void Stage(string stage, int stepsDone, int steps);

    void Records(int found, string latestTitle);
}

/// <summary>One line per event: what CI logs, pipes and <c>.ci/run</c>'s checks read.</summary>
internal sealed class PlainJobProgress : IJobProgressView
{
    private string _stage = string.Empty;

    public void Stage(string stage, int stepsDone, int steps)
    {
        // One line per stage: polls within a stage repeat it.
        if (stage != _stage)
        {
            _stage = stage;
            Console.WriteLine($"  stage: {stage} ({stepsDone}/{steps} steps done)");
        }
    }

    public void Records(int found, string latestTitle) => Console.WriteLine($"  enriching: {found} records so far, latest: {Text.Fit(latestTitle, 60)}");
}

/// <summary>A live display for an interactive terminal: the stage, a bar over the job's steps, and the records so far.</summary>
internal sealed class LiveJobProgress : IJobProgressView
{
    private readonly ProgressTask _task;
    private string _stage = "submitted";
    private int _found;

    private LiveJobProgress(ProgressTask task) => _task = task;

    /// <summary>Live only where it can be: a terminal that takes cursor movement, with output not redirected to a file or pipe.</summary>
    public static bool Supported => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi;

    public static Task<T> RunAsync<T>(Func<IJobProgressView, Task<T>> wait) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var view = new LiveJobProgress(context.AddTask("submitted", maxValue: 1));
                var result = await wait(view);
                view._task.Value = view._task.MaxValue;
                view._task.StopTask();
                return result;
            });

    public void Stage(string stage, int stepsDone, int steps)
    {
        _stage = stage;
        if (steps > 0)
        {
            _task.MaxValue = steps;
        }

        _task.Value = Math.Min(stepsDone, _task.MaxValue);
        Describe();
    }

    public void Records(int found, string latestTitle)
    {
        _found = found;
        Describe();
    }

    private void Describe() => _task.Description = Markup.Escape($"{_stage,-10} {_found,4} records");
}
