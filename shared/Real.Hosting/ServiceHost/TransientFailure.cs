using System.Net.Sockets;
using Npgsql;

namespace Real.Hosting.ServiceHost;

/// <summary>
/// Failures that go away by themselves: the database or broker restarting, a dropped connection, a timeout.
/// Handlers hit by one are retried with backoff for minutes (<see cref="TransientRetry"/>) instead of failing the
/// message into an _error queue; every other exception follows the bus's short retry and then goes to _error.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    // 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now;
                    // 53300: too many connections; 40001/40P01: serialization failure, deadlock.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01")
                    {
                        return true;
                    }

                    return pg.IsTransient;
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case IOException:
                case TimeoutException:
                case System.Net.Http.HttpRequestException:
                    return true;
                case NpgsqlException:
                    // A broken pooled connection surfaces as NpgsqlException wrapping an IOException / SocketException.
                    continue;
                default:
                    if (ex.GetType().FullName is "RabbitMQ.Client.Exceptions.BrokerUnreachableException" or "RabbitMQ.Client.Exceptions.AlreadyClosedException"
                        or "MassTransit.RabbitMqConnectionException")
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
