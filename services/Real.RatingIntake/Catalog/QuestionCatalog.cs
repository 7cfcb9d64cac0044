using Real.Contracts;
using Real.Contracts.Events.Intake;
using Real.Contracts.Events.Proposals;
using Real.EventStore;
using Real.EventStore.Serialization;

namespace Real.RatingIntake.Catalog;

/// <summary>
/// The read model intake validates against: data sets (DatasetRegistered), their questions (QuestionsRegistered)
/// and rating tasks (RatingTaskIssued, whose candidates count as questions too). Built from the store's
/// <c>dataset</c> and <c>tasks</c> categories and kept current incrementally: <see cref="CatchUpAsync"/> reads only
/// the events after the last position it has seen, so calling it before every batch costs two small queries.
/// Thread-safe: lookups run under a read lock (<see cref="Read"/>), catch-up applies events under the write lock.
/// </summary>
public sealed class QuestionCatalog(IEventReader reader, EventSerializer serializer) : IDisposable
{
    private readonly Dictionary<string, CatalogDataset> _datasets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogTask> _tasks = new(StringComparer.Ordinal);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly string _datasetRegistered = serializer.Registry.NameOf(typeof(DatasetRegistered));
    private readonly string _questionsRegistered = serializer.Registry.NameOf(typeof(QuestionsRegistered));
    private readonly string _taskIssued = serializer.Registry.NameOf(typeof(RatingTaskIssued));
    private long _datasetPosition;
    private long _tasksPosition;

    /// <summary>Global position of the last event of the dataset category applied (0 before any).</summary>
    public long DatasetPosition => Volatile.Read(ref _datasetPosition);

    public long TasksPosition => Volatile.Read(ref _tasksPosition);

    /// <summary>Applies every dataset and tasks event appended since the last call.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            _datasetPosition = await ApplyCategoryAsync(StreamNames.DatasetCategory, _datasetPosition, cancellationToken);
            _tasksPosition = await ApplyCategoryAsync(StreamNames.TasksCategory, _tasksPosition, cancellationToken);
        }
        finally
        {
            _catchUp.Release();
        }
    }

    /// <summary>Runs <paramref name="query"/> under the read lock; keep it synchronous and short.</summary>
    public T Read<T>(Func<CatalogView, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _lock.EnterReadLock();
        try
        {
            return query(new CatalogView(this));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _catchUp.Dispose();
    }

    internal bool TryGetDataset(string datasetId, out CatalogDataset dataset) => _datasets.TryGetValue(datasetId, out dataset!);

    internal bool TryGetTask(string taskId, out CatalogTask task) => _tasks.TryGetValue(taskId, out task!);

    private async Task<long> ApplyCategoryAsync(string category, long after, CancellationToken cancellationToken)
    {
        var position = after;
        await foreach (var recorded in reader.ReadCategoryAsync(category, after, cancellationToken: cancellationToken))
        {
            var type = recorded.EventType;
            if (type == _datasetRegistered || type == _questionsRegistered || type == _taskIssued)
            {
                // Deserialize outside the lock; only the mutation blocks readers.
                var @event = serializer.TryDeserialize(recorded);
                _lock.EnterWriteLock();
                try
                {
                    Apply(@event);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }
            }

            position = recorded.GlobalPosition;
        }

        return position;
    }

    private void Apply(object? @event)
    {
        switch (@event)
        {
            case DatasetRegistered registered:
                Dataset(registered.DatasetId).Register(registered.ClassNames.Count, registered.ImageFiles);
                break;
            case QuestionsRegistered questions:
                var dataset = Dataset(questions.DatasetId);
                dataset.EnsureQuestionCapacity(questions.Questions.Count);
                foreach (var question in questions.Questions)
                {
                    dataset.AddQuestion(question.Image, question.Label);
                }

                break;
            case RatingTaskIssued task:
                _tasks[task.TaskId] = new CatalogTask(task.TaskId, task.DatasetId, task.Image, task.Labels);
                var taskDataset = Dataset(task.DatasetId);
                foreach (var label in task.Labels)
                {
                    taskDataset.AddQuestion(task.Image, label);
                }

                break;
        }
    }

    private CatalogDataset Dataset(string datasetId)
    {
        if (!_datasets.TryGetValue(datasetId, out var dataset))
        {
            dataset = new CatalogDataset(datasetId);
            _datasets.Add(datasetId, dataset);
        }

        return dataset;
    }
}
